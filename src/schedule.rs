//! TODO(spine): schedule

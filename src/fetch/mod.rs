//! TODO(spine): fetch

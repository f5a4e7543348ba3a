//! TODO(spine): notify

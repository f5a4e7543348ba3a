//! TODO(spine): store

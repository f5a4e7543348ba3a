//! TODO(spine): pipeline

//! TODO(spine): diff

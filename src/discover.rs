//! TODO(spine): discover

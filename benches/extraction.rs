//! Benchmark placeholder, replaced by the extraction work.
fn main() {}

//! Benchmark placeholder, replaced by the detection work.
fn main() {}

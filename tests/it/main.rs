//! All integration tests in one crate: Typst is linked once, not once per test file.

mod archive;
mod atomic;
mod bad_input;
mod browser;
mod common;
mod giay_moi;
mod hd05;
mod hd43_documents;
mod init;
mod ke_hoach_seed;
mod layout;
mod literal_and_deterministic;
mod mau_01;
mod mau_02;
mod mau_03;
mod regenerate;
mod regulation;
mod review_documents;
mod robustness;
mod rules_2025;
mod rules_rating;
mod rules_timetable;
mod schema;
mod serve;

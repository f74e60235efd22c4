//! The cell's data: the YAML as written (`raw`), the checked model (`model`), and loading (`load`).

pub mod district;
pub mod load;
mod locate;
pub mod model;
mod names;
pub mod raw;
pub mod submissions;
pub mod tally;
pub mod unit;
pub(crate) mod yaml_errors;

pub use load::{load_bytes, load_str};
pub use model::*;

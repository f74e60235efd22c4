//! Vietnamese language helpers: dates and weekdays, names, case, slugs, numbers.

pub mod collate;
pub mod date;
pub mod number;
pub mod text;
pub mod tone;
pub mod words;

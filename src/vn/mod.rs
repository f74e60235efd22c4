//! Vietnamese language helpers: dates and weekdays, names, case, slugs, numbers.

pub mod date;
pub mod text;

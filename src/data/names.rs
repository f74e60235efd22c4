//! Members whose names read alike ("Nguyễn Thị Thuỷ" and "Nguyễn Thị Thủy", or the same name
//! twice) are told apart wherever they are listed and in their files' names.

use std::collections::HashMap;

use chrono::Datelike;

use super::Member;
use crate::vn::{date::short, text::reading_key};

/// Sets each member's `listed_name` and `file_name`: the full name, with the year of birth
/// when another member's name reads alike (the whole date when their years are the same too).
pub fn tell_apart(members: &mut [Member]) {
    let keys: Vec<String> = members.iter().map(|m| reading_key(&m.full_name)).collect();
    // members by how their names read, so a large cell is not compared pair by pair
    let mut alike: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        alike.entry(k.as_str()).or_default().push(i);
    }
    let marks: Vec<Option<(String, String)>> = (0..members.len())
        .map(|i| {
            let twins: Vec<&Member> = alike[keys[i].as_str()]
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| &members[j])
                .collect();
            if twins.is_empty() {
                return None;
            }
            let born = members[i].birth_date;
            let same_year = twins.iter().any(|t| t.birth_date.year() == born.year());
            Some(if same_year {
                (short(born), born.format("%d-%m-%Y").to_string())
            } else {
                (born.year().to_string(), born.year().to_string())
            })
        })
        .collect();
    for (m, mark) in members.iter_mut().zip(marks) {
        (m.listed_name, m.file_name) = match mark {
            None => (m.full_name.clone(), m.full_name.clone()),
            Some((listed, file)) => (
                format!("{} (sinh {listed})", m.full_name),
                format!("{} {file}", m.full_name),
            ),
        };
    }
}

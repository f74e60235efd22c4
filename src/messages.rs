//! Vietnamese wording of the messages that are not about a field of the data (files, output).

use std::io;

/// An I/O error in Vietnamese.
pub fn io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục".to_string(),
        io::ErrorKind::PermissionDenied => "không có quyền truy cập".to_string(),
        io::ErrorKind::AlreadyExists => "đã tồn tại".to_string(),
        io::ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp".to_string(),
        _ => format!("lỗi hệ thống ({e})"),
    }
}

//! Vietnamese wording of the messages that are not about a field of the data (files, output).

use std::io;

/// An I/O error in Vietnamese.
pub fn io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục".to_string(),
        io::ErrorKind::PermissionDenied => "không có quyền truy cập".to_string(),
        io::ErrorKind::AlreadyExists => "đã tồn tại".to_string(),
        io::ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp".to_string(),
        io::ErrorKind::NotADirectory => {
            "một phần của đường dẫn là tệp, không phải thư mục".to_string()
        }
        io::ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc, không ghi được".to_string(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "ổ đĩa đã đầy".to_string(),
        io::ErrorKind::InvalidFilename => "tên tệp quá dài hoặc không hợp lệ".to_string(),
        io::ErrorKind::DirectoryNotEmpty => "thư mục không trống".to_string(),
        io::ErrorKind::CrossesDevices => "không chuyển được tệp sang ổ đĩa khác".to_string(),
        io::ErrorKind::Interrupted => "bị ngắt giữa chừng".to_string(),
        _ => match e.raw_os_error() {
            // ENAMETOOLONG, ENOSPC, EROFS, EACCES where the kind is not finer
            Some(36) => "tên tệp quá dài".to_string(),
            Some(28) => "ổ đĩa đã đầy".to_string(),
            Some(30) => "ổ đĩa chỉ cho đọc, không ghi được".to_string(),
            _ => format!("lỗi hệ thống (mã {})", e.raw_os_error().unwrap_or(0)),
        },
    }
}

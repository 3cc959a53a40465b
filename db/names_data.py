"""Word lists the name splitter relies on, with where each one comes from.

Kept apart from the splitter's logic so a reviewer can check them against their
source, and extend them, without reading code. Spellings are NFC with the modern
("new style") tone placement; the splitter compares folded forms, so ``Hoà`` /
``Hòa`` and ``Ha`` / ``Hà`` need no second entry.

VIETNAMESE_FAMILY_NAMES
    Transcribed by hand (not downloaded; re-check it against the article when
    extending it) from the alphabetical list in Vietnamese Wikipedia's article
    "Họ người Việt Nam" (https://vi.wikipedia.org/wiki/H%E1%BB%8D_ng%C6%B0%E1%BB%9Di_Vi%E1%BB%87t_Nam,
    section "Danh sách", CC BY-SA 4.0), which covers the Kinh (Việt) names and
    those of the larger ethnic minorities (Tày, Thái, Mường, Nùng, Hmông, Dao,
    Khmer, Hoa, Chăm). Cross-checked against English Wikipedia's "Vietnamese
    name" article (section "Family names") and the 13th National Assembly
    membership list (EveryPolitician, term 13), whose members' family names
    must all be here (Phùng, Mai, Nông, Giàng, Thạch, Vi, Đồng...).
HIGHLAND_CLAN_NAMES
    Clan (family) names of the Ê Đê, Jrai (Gia Rai), Ba Na and M'Nông peoples of
    the Central Highlands, written *after* the personal name (``Y Biêr Niê``,
    ``H'Hen Niê``, ``H`Yim Kđoh``), from the same article's section on
    ethnic-minority names and the National Assembly lists (Ksor, Siu, Rơ Châm...).
"""

from __future__ import annotations

_FAMILY = """
An Ánh Ân Âu Âu_Dương Bá Bạc Bạch Bàn Bàng Bành Bảo Bế Bì Biện Bình Bồ Bùi
Cà Cái Cam Cao Cát Cầm Cấn Chảo Châu Chế Chiêm Chu Chung Chử Công_Tôn Cổ Cù Cung
Dã Danh Diệp Doãn Dư Dương Đàm Đan Đàn Đàng Đào Đạo Đặng Đậu Đèo Điêu Điền Đinh
Đoàn Đỗ Đồng Đổng Đới Đường Giả Giang Giàng Giáp Hà Hạ Hàn Hán Hạng Hầu Hề Hình
Hồ Hoa Hoàng Hoàng_Phủ Hồng Hứa Hướng Huỳnh Kha Khà Khổng Khúc Khuất Khương Kiều
Kim La Lã Lạc Lại Lam Lâm Lăng Lầu Lèo Lê Lều Liên Liêu Liễu Lò Loan Lỗ Lộ Lộc Lục
Lù Lư Lữ Lương Lường Lưu Lý Ly Ma Mã Mạc Mạch Mai Mẫn Mạnh Mè Mông Mùa Nông Ngân
Nghiêm Nghị Ngọ Ngô Ngũ Ngụy Nguyễn Nhan Nhâm Nhữ Ninh Ong Ông Phạm Phan Phí Phó
Phong Phù Phú Phùng Phương Quách Quan Quản Quang Quàng Quyền Sái Sầm Sìn Sơn Sử
Sùng Tạ Tào Tăng Tẩn Thạch Thái Thảo Thào Thân Thang Thanh Thành Thi Thiều Thiệu
Thôi Thông Thuận Tiêu Tiết Tô Tòng Tôn Tôn_Nữ Tôn_Thất Tống Trà Trác Trang Tráng
Trầm Trần Triệu Trịnh Trình Trưng Trương Từ Tư_Mã Ung Uông Văn Vàng Vi Viên Vũ
Võ Vừ Vương Vưu Yên Ao Chư Chà Chá Cil Cứ Diêm Điệp Giản Hàm Hảng Hờ
Hùng Khang Khâu Khiếu Kiểu Kông Lãnh Lành Liêng Linh Lìu Luyện Lự Lỳ Mấu Mộc Ngạc Ôn
Pàn Phi Pờ Sâm Sần Sình Sư Tấn Thập Thượng_Quan Thường Tiếp Ứng Vạn Vĩnh Xa Ka
Chamaléa Pi_Năng
"""
# Not in the article's list but written as a family name in every public list:
# "Thích", the surname Vietnamese Buddhist monastics take (Thích Nhất Hạnh, Thích
# Thanh Quyết; English Wikipedia, "Vietnamese name", section "Buddhist names").
_FAMILY_ADDED = """
Thích
"""

_CLANS = """
Adrơng Ayŭn Ayun Bdap Bkrông Buôn_Yă Byă Êban Ênuôl Hđơk Hmok Hwing Kbuôr Kđoh
Knul Kpă Kpơr Kpuih Ksor Ktla Mdrang Mlô Mlô_Duôn_Du Nay Niê Niê_Kdăm Puih Rahlan
Rcom Rmah Rơ_Châm Rơ_Lan Siu Êya
"""


def _words(block: str) -> tuple[str, ...]:
    """The entries of a block; an underscore joins a compound name (``Tôn_Thất``)."""
    return tuple(entry.replace("_", " ") for entry in block.split())


VIETNAMESE_FAMILY_NAMES: tuple[str, ...] = _words(_FAMILY) + _words(_FAMILY_ADDED)
HIGHLAND_CLAN_NAMES: tuple[str, ...] = _words(_CLANS)

# Family names common enough that, typed without diacritics, they still mark a
# name as Vietnamese ("Nguyen Van Khoa"). The rarer ones ("Van", "La", "Ma",
# "Mai", "An", "Kim") are also Western, Chinese or Korean words, so without
# diacritics or a Vietnamese middle name they only make the splitter unsure.
COMMON_VIETNAMESE_FAMILY_NAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Ngô", "Dương", "Trương", "Đinh", "Đoàn", "Trịnh", "Đào", "Lương", "Nghiêm", "Phùng",
    "Quách", "Triệu", "Khuất", "Giàng", "Thạch", "Nông", "Lê",
)

# Middle names that show a name is Vietnamese even without diacritics ("Mai Xuan Hung").
VIETNAMESE_MIDDLE_NAMES: tuple[str, ...] = (
    "Văn", "Thị", "Đức", "Ngọc", "Xuân", "Thanh", "Minh", "Quốc", "Hữu", "Đình", "Công",
    "Quang", "Hồng", "Thu", "Tấn", "Trọng", "Bá", "Duy", "Hoài", "Mạnh", "Khắc", "Đăng",
    "Viết", "Như", "Thế", "Chí", "Tiến", "Huy", "Phương", "Thúy", "Bích", "Kim", "Mỹ",
    "Hoàng", "Anh", "Tuấn", "Việt", "Nam", "Hải", "Sỹ", "Sĩ", "Thái", "Trung", "Lệ",
)

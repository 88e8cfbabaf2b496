"""Who may read a folder on Windows, and making it the user's own.

Windows ignores POSIX modes (`chmod` only toggles read-only); what protects a file there
is its access control list (DACL). A folder under the user's profile (`%LOCALAPPDATA%`)
inherits one that lets in only the user, SYSTEM and the Administrators; a folder elsewhere
(another drive, a share) may let in every user of the machine. Only imported on Windows.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import wintypes
from pathlib import Path

# Its callers import it on Windows alone; this line also tells mypy, on another system,
# to leave the Windows-only names below (ctypes.WinDLL) unchecked.
assert sys.platform == "win32"

#: Groups that stand for "other people": Everyone, Anonymous, Interactive, Authenticated
#: Users, Users, Guests.
BROAD_GROUPS = {
    "S-1-1-0": "Everyone",
    "S-1-5-7": "Anonymous",
    "S-1-5-4": "Interactive",
    "S-1-5-11": "Authenticated Users",
    "S-1-5-32-545": "Users",
    "S-1-5-32-546": "Guests",
}
#: Rights that let someone read a file or list a folder.
READ_RIGHTS = 0x0001 | 0x80000000 | 0x10000000  # FILE_READ_DATA, GENERIC_READ, GENERIC_ALL
#: As the user profile has it, and protected from what the parent folder would add:
#: full control for the user, SYSTEM and the Administrators.
PRIVATE_SDDL = "D:P(A;OICI;FA;;;{user})(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"

SE_FILE_OBJECT = 1
DACL_SECURITY_INFORMATION = 0x4
ACL_SIZE_INFORMATION_CLASS = 2
ACCESS_ALLOWED_ACE_TYPE = 0
INHERIT_ONLY_ACE = 0x08
SDDL_REVISION_1 = 1
TOKEN_QUERY = 0x0008
TOKEN_USER_CLASS = 1


class _AclSizeInformation(ctypes.Structure):
    _fields_ = [
        ("AceCount", wintypes.DWORD),
        ("AclBytesInUse", wintypes.DWORD),
        ("AclBytesFree", wintypes.DWORD),
    ]


def _advapi32() -> ctypes.WinDLL:
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    advapi32.GetNamedSecurityInfoW.argtypes = [
        wintypes.LPCWSTR, ctypes.c_int, wintypes.DWORD, ctypes.c_void_p, ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p),
    ]  # fmt: skip
    advapi32.GetNamedSecurityInfoW.restype = wintypes.DWORD
    return advapi32


def broad_readers(path: Path) -> list[str] | None:
    """The broad groups the folder's DACL lets read it, by name (None: cannot tell)."""
    advapi32 = _advapi32()
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    dacl, descriptor = ctypes.c_void_p(), ctypes.c_void_p()
    status = advapi32.GetNamedSecurityInfoW(
        str(path), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION,
        None, None, ctypes.byref(dacl), None, ctypes.byref(descriptor),
    )  # fmt: skip
    if status != 0:
        return None
    try:
        if not dacl.value:
            return [BROAD_GROUPS["S-1-1-0"]]  # no DACL at all: everyone may do anything
        return _readers(advapi32, kernel32, dacl)
    finally:
        kernel32.LocalFree(descriptor)


def _readers(advapi32: ctypes.WinDLL, kernel32: ctypes.WinDLL, dacl: ctypes.c_void_p) -> list[str]:
    info = _AclSizeInformation()
    if not advapi32.GetAclInformation(
        dacl, ctypes.byref(info), ctypes.sizeof(info), ACL_SIZE_INFORMATION_CLASS
    ):
        return []
    found: list[str] = []
    for index in range(info.AceCount):
        ace = ctypes.c_void_p()
        if not advapi32.GetAce(dacl, index, ctypes.byref(ace)) or not ace.value:
            continue
        kind = ctypes.c_ubyte.from_address(ace.value).value
        flags = ctypes.c_ubyte.from_address(ace.value + 1).value
        mask = wintypes.DWORD.from_address(ace.value + 4).value
        if kind != ACCESS_ALLOWED_ACE_TYPE or flags & INHERIT_ONLY_ACE or not mask & READ_RIGHTS:
            continue
        text = wintypes.LPWSTR()
        if advapi32.ConvertSidToStringSidW(ctypes.c_void_p(ace.value + 8), ctypes.byref(text)):
            name = BROAD_GROUPS.get(text.value or "")
            kernel32.LocalFree(text)
            if name and name not in found:
                found.append(name)
    return found


def user_sid() -> str | None:
    """The string SID of the user this process runs as."""
    advapi32 = _advapi32()
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    advapi32.OpenProcessToken.argtypes = [
        wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE)
    ]  # fmt: skip
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(
        kernel32.GetCurrentProcess(), TOKEN_QUERY, ctypes.byref(token)
    ):
        return None
    try:
        needed = wintypes.DWORD()
        advapi32.GetTokenInformation(token, TOKEN_USER_CLASS, None, 0, ctypes.byref(needed))
        buffer = ctypes.create_string_buffer(needed.value)
        if not advapi32.GetTokenInformation(
            token, TOKEN_USER_CLASS, buffer, needed, ctypes.byref(needed)
        ):
            return None
        sid = ctypes.c_void_p.from_buffer(buffer)  # TOKEN_USER starts with the SID pointer
        text = wintypes.LPWSTR()
        if not advapi32.ConvertSidToStringSidW(sid, ctypes.byref(text)):
            return None
        try:
            return text.value
        finally:
            kernel32.LocalFree(text)
    finally:
        kernel32.CloseHandle(token)


def make_private(path: Path) -> bool:
    """Give the folder `PRIVATE_SDDL`, which what is written in it later inherits."""
    user = user_sid()
    return user is not None and set_access(path, PRIVATE_SDDL.format(user=user))


def set_access(path: Path, sddl: str) -> bool:
    """Replace the access list of `path` with the one an SDDL string describes."""
    advapi32 = _advapi32()
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    descriptor = ctypes.c_void_p()
    if not advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
        sddl, SDDL_REVISION_1, ctypes.byref(descriptor), None
    ):
        return False
    try:
        return bool(advapi32.SetFileSecurityW(str(path), DACL_SECURITY_INFORMATION, descriptor))
    finally:
        kernel32.LocalFree(descriptor)

; Inno Setup 6 script: Liaison's Windows installer, liaison-<version>-setup.exe.
;
; UNTESTED: written alongside the Linux bundle, which CI builds and smoke-tests; nobody has
; run this on Windows yet. Try it on a clean Windows 10/11 machine before shipping it.
;
; Build, on Windows, from the repository root:
;   py -3.11 -m venv .venv
;   .venv\Scripts\pip install -e ".[package]"
;   .venv\Scripts\python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\liaison.spec
;   for /f %v in ('.venv\Scripts\python -c "from importlib.metadata import version; print(version(\"liaison\"))"') do ^
;     iscc /DAppVersion=%v packaging\windows\liaison.iss
; The spec makes dist\liaison\liaison.exe (the app, no console window) and
; dist\liaison\liaison-cli.exe (the command line: liaison-cli search ..., liaison-cli brief ...).
;
; The installer needs no administrator rights: by default it installs for the current user
; (protocol offices rarely have admin rights on their laptops); an administrator may choose
; "install for all users" in the first dialog.

#ifndef AppVersion
  ; Pass the version from pyproject.toml with /DAppVersion=...; this fallback only keeps the
  ; script compilable on its own.
  #define AppVersion "0.1.0"
#endif
#define AppName "Liaison"
#define AppExe "liaison.exe"

[Setup]
; AppId identifies the product for upgrades and uninstalls: never change it.
AppId={{97ED28DC-9DD6-5076-A253-AF1A88D0547C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Liaison developers
AppPublisherURL=https://github.com/liaison/liaison
AppComments=The catalog of your city's international relations, with briefing sheets
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Paths below are relative to the repository root.
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=liaison-{#AppVersion}-setup
SetupIconFile=assets\icons\liaison.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Setup asks running copies of Liaison to close before replacing their files.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle. Catalogs live in %LOCALAPPDATA%\Liaison and are never touched.
Source: "dist\liaison\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries as a whole: no stale DLLs from the old version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "The catalog of your city's international relations"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

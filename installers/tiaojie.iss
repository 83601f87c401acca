; Inno Setup 6 script (6.3 or newer: x64compatible): the Windows installer of 调解超市前台 (tiaojie).
;
; Build the bundle first (installers\build.ps1 does both steps), then:
;   iscc /DAppVersion=0.1.0 installers\tiaojie.iss      → dist\tiaojie-setup-0.1.0.exe
;
; * Per-machine: installs into {autopf}\Tiaojie (C:\Program Files\Tiaojie), needs administrator
;   rights, Start-menu shortcut for everyone, optional desktop shortcut (ticked by default).
; * Upgrade in place: the AppId below never changes, so a newer installer finds the old folder,
;   closes the running program (Restart Manager), replaces the program files and keeps every
;   user's data directory %LOCALAPPDATA%\tiaojie (database, drafts, backups, logs) untouched —
;   the installer never writes there. The database schema is migrated when the new version
;   first starts.
; * Uninstall removes the program; it asks whether to delete the user data of the account that
;   runs it — the default answer is No (keep). Silent uninstalls always keep the data. (When an
;   administrator elevates with another account, {localappdata} is that account's: other users'
;   data directories are never touched.)
; * Optional, for unattended roll-out on LAN PCs: /DB=postgresql+psycopg://tiaojie@192.0.2.10:5432/tiaojie
;   stores the database address as the machine-wide environment variable TIAOJIE_DB.
;     tiaojie-setup-0.1.0.exe /VERYSILENT /DB=postgresql+psycopg://tiaojie@192.0.2.10:5432/tiaojie
;
; This file is UTF-8 with a byte-order mark (Inno Setup reads BOM-less scripts as ANSI).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installers\tiaojie.iss
#endif
#define AppName "调解超市前台"
#define AppExe "tiaojie.exe"
#define Bundle "..\dist\tiaojie"

[Setup]
; Never change this AppId: it is what makes a new version upgrade the installed one.
AppId={{0AA99506-C9FE-47A7-9E65-BBC052ADAC3C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=调解超市前台项目
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\Tiaojie
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
UsePreviousAppDir=yes
CloseApplications=yes
RestartApplications=no
ChangesEnvironment=yes
SetupIconFile=..\resources\icons\tiaojie.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=tiaojie-setup-{#AppVersion}
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern

[Languages]
; Chinese Simplified is an official translation from Inno Setup 6.5 on; older versions need
; ChineseSimplified.isl copied into their Languages folder (https://jrsoftware.org/files/istrans/).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "Languages\ChineseSimplified.isl not found: the wizard will be in English"
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; An upgrade replaces the program files wholesale, so no library of an older version lingers.
; (Only the program folder: user data lives in %LOCALAPPDATA%\tiaojie.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "人民调解中心前台：取号、受理、预约、调解、统计"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Only with /DB=… on the command line (see the top of this file).
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "TIAOJIE_DB"; ValueData: "{param:DB}"; Check: HasDbParam; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
function HasDbParam: Boolean;
begin
  Result := ExpandConstant('{param:DB|}') <> '';
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\tiaojie');
  if UninstallSilent or not DirExists(DataDir) then
    exit;
  if MsgBox('程序已卸载。' + #13#10#13#10 +
            '是否同时删除本机用户数据？' + #13#10 + DataDir + #13#10 +
            '（本机数据库、草稿、备份和日志。选“否”则保留，重新安装后可继续使用。）',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if MsgBox('删除后无法恢复。确定删除 ' + DataDir + ' 吗？',
              mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir, True, True, True);
  end;
end;

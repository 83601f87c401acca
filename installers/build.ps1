# Windows build: the one-folder bundle dist\tiaojie\ (tiaojie.exe, tiaojie-cli.exe) and the
# Inno Setup installer dist\tiaojie-setup-<version>.exe. The equivalent of installers/build.sh + iscc.
#
#   powershell -ExecutionPolicy Bypass -File installers\build.ps1
#   powershell -ExecutionPolicy Bypass -File installers\build.ps1 -Python C:\venvs\tiaojie\Scripts\python.exe
#   powershell -ExecutionPolicy Bypass -File installers\build.ps1 -SkipInstaller   # bundle only
#
# Needs: 64-bit Python 3.11+ with the app installed (py -3.11 -m venv .venv; .venv\Scripts\pip install -e .),
# Inno Setup 6.3+ (iscc.exe on PATH or in its default folder). PyInstaller is installed here.
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [int]$MaxMB = 150,
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not $Python) {
    $Python = if (Test-Path ".venv\Scripts\python.exe") { ".venv\Scripts\python.exe" } else { "python" }
}
function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"' | Select-Object -First 1).Matches[0].Groups[1].Value
$watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $Python @("-m", "pip", "install", "-q", "--disable-pip-version-check", "pyinstaller>=6.10,<7")
Invoke-Checked $Python @("-m", "desktop.i18n", "release")
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installers\tiaojie.spec")
$watch.Stop()

$exe = "dist\tiaojie\tiaojie.exe"
if (-not (Test-Path $exe)) { throw "build failed: $exe missing" }
$got = (& "dist\tiaojie\tiaojie-cli.exe" --version)
if ($got -ne "tiaojie $version") { throw "tiaojie-cli.exe --version printed '$got', expected 'tiaojie $version'" }
$sizeMB = [math]::Round((Get-ChildItem dist\tiaojie -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "bundle: dist\tiaojie ($got, $sizeMB MB) built in $([math]::Round($watch.Elapsed.TotalSeconds)) s"
if ($sizeMB -gt $MaxMB) { throw "bundle too large: $sizeMB MB > $MaxMB MB" }

if ($SkipInstaller) { exit 0 }
if (-not $Iscc) {
    $found = Get-Command iscc.exe -ErrorAction SilentlyContinue
    $Iscc = if ($found) { $found.Source } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
}
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 not found (iscc.exe); install it or pass -Iscc PATH" }
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$version", "installers\tiaojie.iss")
Write-Host "installer: dist\tiaojie-setup-$version.exe"

#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Regenerates the SP-API clients: sync the pinned models, generate, build.
  With -ModelsFrom (or -Upstream) it first moves the pin to newer models and writes an API change report.
.EXAMPLE
  ./regenerate.ps1
  dotnet run --project build/SpApi.PowerShellHost -c Release -- regenerate.ps1     (where pwsh is not installed)
  ./regenerate.ps1 -ModelsFrom ../shared/sp-api-models/2026-08-05_34dc93f -Report artifacts/api-changes
.NOTES
  Uses only the PowerShell language and native commands, so it also runs inside the hosted runspace of
  build/SpApi.PowerShellHost where pwsh is not installed. The work itself is done by the generator's verbs,
  which work the same from 'dotnet run --project generator/SpApi.Generator -- <verb>'.
#>
param(
    [string] $ModelsFrom,
    [switch] $Upstream,
    [string] $Report,
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$generator = [System.IO.Path]::Combine($root, 'generator', 'SpApi.Generator')
$solution = [System.IO.Path]::Combine($root, 'SpApi.Generated.sln')

function Invoke-Step([string] $What, [string[]] $Arguments) {
    "==> $What"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$What failed (dotnet exit code $LASTEXITCODE)" }
}

if ($ModelsFrom -or $Upstream) {
    $update = @('run', '--project', $generator, '-c', $Configuration, '--', 'update', '--repo', $root, '--configuration', $Configuration)
    if ($Upstream) { $update += '--upstream' } else { $update += @('--from', $ModelsFrom) }
    if ($Report) { $update += @('--report', $Report) }
    Invoke-Step 'update the pinned models' $update
}
else {
    Invoke-Step 'sync the pinned models' @('run', '--project', $generator, '-c', $Configuration, '--', 'sync', '--repo', $root)
    Invoke-Step 'generate and build' @('build', $solution, '-c', $Configuration)
}
'regenerate: done'

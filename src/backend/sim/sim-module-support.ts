// The ExchcertSim module's private functions: find the state, reach (or start) its engine, convert values both ways.

/** PowerShell text placed before the six functions in ExchcertSim.psm1. */
export const SIM_SUPPORT = String.raw`Set-StrictMode -Version 3.0

$script:ExchcertSimCommon = @([System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters)
$script:ExchcertSimConnections = @{}
$script:ExchcertSimDateKind = (Get-Command -Name ConvertFrom-Json).Parameters.ContainsKey('DateKind')
$script:ExchcertSimRecordCtor = [System.Management.Automation.ErrorRecord].GetConstructors([System.Reflection.BindingFlags]'NonPublic,Public,Instance') |
    Where-Object { $_.GetParameters().Count -eq 11 } | Select-Object -First 1

# The state folder: EXCHCERT_STATE, then the config file (exchcert.config.json, else package.json's exchcert key), then
# ./.exchcert; relative paths against pwsh's current location (the CLI resolves --state the same way).
function Get-ExchcertSimState {
    $here = (Get-Location -PSProvider FileSystem).ProviderPath
    $state = $env:EXCHCERT_STATE
    if (-not $state) {
        $config = Join-Path -Path $here -ChildPath 'exchcert.config.json'
        $package = Join-Path -Path $here -ChildPath 'package.json'
        if (Test-Path -LiteralPath $config -PathType Leaf) {
            $json = Get-Content -LiteralPath $config -Raw | ConvertFrom-Json
            if ($json.PSObject.Properties['state']) { $state = [string]$json.state }
        }
        elseif (Test-Path -LiteralPath $package -PathType Leaf) {
            $json = Get-Content -LiteralPath $package -Raw | ConvertFrom-Json
            if ($json.PSObject.Properties['exchcert'] -and $json.exchcert.PSObject.Properties['state']) { $state = [string]$json.exchcert.state }
        }
    }
    if (-not $state) { $state = '.exchcert' }
    return [System.IO.Path]::GetFullPath($state, $here)
}

# Where the engine of a state listens (the CLI's engineSocketPath).
function Get-ExchcertSimSocketPath([string]$State) {
    if ($IsWindows) {
        $hex = -join ([System.Text.Encoding]::UTF8.GetBytes($State.ToLowerInvariant()) | ForEach-Object { $_.ToString('x2') })
        if ($hex.Length -gt 80) { $hex = $hex.Substring($hex.Length - 80) }
        return 'exchcert-engine-' + $hex
    }
    return Join-Path -Path $State -ChildPath 'engine.sock'
}

function Connect-ExchcertSimSocket([string]$Path) {
    if ($IsWindows) {
        $pipe = [System.IO.Pipes.NamedPipeClientStream]::new('.', $Path, [System.IO.Pipes.PipeDirection]::InOut)
        $pipe.Connect(200)
        $stream = $pipe
        $socket = $null
    }
    else {
        $socket = [System.Net.Sockets.Socket]::new([System.Net.Sockets.AddressFamily]::Unix, [System.Net.Sockets.SocketType]::Stream, [System.Net.Sockets.ProtocolType]::Unspecified)
        try { $socket.Connect([System.Net.Sockets.UnixDomainSocketEndPoint]::new($Path)) }
        catch { $socket.Dispose(); throw }
        $stream = [System.Net.Sockets.NetworkStream]::new($socket, $true)
    }
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.IO.StreamWriter]::new($stream, $utf8)
    $writer.NewLine = [string][char]10
    $writer.AutoFlush = $true
    return [pscustomobject]@{ Socket = $socket; Stream = $stream; Reader = [System.IO.StreamReader]::new($stream, $utf8); Writer = $writer; NextId = 1 }
}

# Starts 'exchcert engine serve' for the state (node and the CLI script found next to the module), detached; without the
# warm-up of the CLI's command lines, which the first cmdlet call would wait for.
function Start-ExchcertSimEngine([string]$State) {
    $cli = if ($env:EXCHCERT_CLI) { $env:EXCHCERT_CLI } else { Join-Path -Path $PSScriptRoot -ChildPath '../../bin/exchcert.js' }
    $node = if ($env:EXCHCERT_NODE) { $env:EXCHCERT_NODE } else { (Get-Command -Name node -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source }
    $null = New-Item -ItemType Directory -Path $State -Force
    $start = [System.Diagnostics.ProcessStartInfo]::new($node)
    foreach ($a in @([System.IO.Path]::GetFullPath($cli), 'engine', 'serve', '--state', $State, '--idle-timeout', '3600', '--no-warm-up', '--log', (Join-Path -Path $State -ChildPath 'engine.log'))) { $start.ArgumentList.Add($a) }
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $State
    # Its own pipes, not this session's standard handles (a caller waiting for pwsh's output to end must not wait for the
    # engine); it writes only to --log, so nothing reads them.
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
}

# The connection to the state's engine: reused while it lives, else reconnected, else a new engine is started.
function Get-ExchcertSimConnection([string]$State) {
    $path = Get-ExchcertSimSocketPath $State
    $connection = $script:ExchcertSimConnections[$path]
    if ($connection -and $connection.Socket -and -not ($connection.Socket.Poll(0, [System.Net.Sockets.SelectMode]::SelectRead) -and $connection.Socket.Available -eq 0)) { return $connection }
    if ($connection -and -not $connection.Socket -and $connection.Stream.IsConnected) { return $connection }
    if ($connection) { $connection.Stream.Dispose(); $script:ExchcertSimConnections.Remove($path) }
    $started = $false
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($true) {
        try {
            $connection = Connect-ExchcertSimSocket $path
            $script:ExchcertSimConnections[$path] = $connection
            return $connection
        }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) { throw "The exchcert engine for '$State' did not start within 30 seconds (see $(Join-Path -Path $State -ChildPath 'engine.log'))." }
            if (-not $started) { Start-ExchcertSimEngine $State; $started = $true }
            Start-Sleep -Milliseconds 100
        }
    }
}

# One request, one answer; a connection that died under the request is retried once on a fresh one.
function Send-ExchcertSimRequest([hashtable]$Request) {
    $state = Get-ExchcertSimState
    for ($attempt = 0; ; $attempt++) {
        $connection = Get-ExchcertSimConnection $state
        $Request['id'] = $connection.NextId++
        $line = $null
        try {
            $connection.Writer.WriteLine(($Request | ConvertTo-Json -Depth 12 -Compress))
            $line = $connection.Reader.ReadLine()
        }
        catch { $line = $null }
        if ($null -ne $line) { break }
        $connection.Stream.Dispose()
        $script:ExchcertSimConnections.Remove((Get-ExchcertSimSocketPath $state))
        if ($attempt -ge 1) { throw "The exchcert engine for '$state' closed the connection." }
    }
    if ($script:ExchcertSimDateKind) { return ConvertFrom-Json -InputObject $line -AsHashtable -Depth 64 -DateKind String }
    return ConvertFrom-Json -InputObject $line -AsHashtable -Depth 64
}

# A bound value as the engine reads it: bytes, SecureStrings (only over this local channel), certificates tagged.
function ConvertTo-ExchcertSimWire($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.PSObject]) { $Value = $Value.PSObject.BaseObject }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return $Value.IsPresent }
    # $null given to a [string] or [string[]] parameter (marked by KeepNull): null, as a compiled cmdlet binds it.
    if ($Value -is [string] -and $Value -ceq [Exchcert.Sim.KeepNullAttribute]::Marker) { return $null }
    if ($Value -is [string[]] -and $Value.Count -eq 1 -and $Value[0] -ceq [Exchcert.Sim.KeepNullAttribute]::Marker) { return $null }
    if ($Value -is [byte[]]) { return @{ bytes = [System.Convert]::ToBase64String($Value) } }
    if ($Value -is [System.Security.SecureString]) { return @{ secret = [System.Net.NetworkCredential]::new('', $Value).Password } }
    if ($Value -is [System.Enum]) { return @{ enum = $Value.ToString() } }
    if ($Value -is [datetime]) { return @{ date = [System.DateTimeOffset]::new($Value.ToUniversalTime()).ToUnixTimeMilliseconds() } }
    if ($Value -is [System.DateTimeOffset]) { return @{ date = $Value.ToUnixTimeMilliseconds() } }
    if ($Value -is [System.Security.Cryptography.X509Certificates.X500DistinguishedName]) { return $Value.Name }
    if ($Value -is [System.Security.Cryptography.X509Certificates.X509Certificate2]) {
        $friendly = ''
        $note = $Value.PSObject.Properties['FriendlyName']
        if ($note) { $friendly = [string]$note.Value }
        return @{ certificate = @{ rawData = [System.Convert]::ToBase64String($Value.RawData); friendlyName = $friendly; thumbprint = $Value.Thumbprint } }
    }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [char] -or $Value -is [ValueType]) { return $Value }
    if ($Value -is [System.Collections.IDictionary]) {
        $table = @{}
        foreach ($key in $Value.Keys) { $table[[string]$key] = ConvertTo-ExchcertSimWire $Value[$key] }
        return $table
    }
    if ($Value -is [System.Collections.IEnumerable]) { return ,@(foreach ($item in $Value) { ConvertTo-ExchcertSimWire $item }) }
    if ($Value.PSObject.Properties['Thumbprint']) { return @{ Thumbprint = [string]$Value.Thumbprint } }
    return [string]$Value
}

# An engine value as PowerShell values: bytes, dates, nested objects in their properties' order.
function ConvertFrom-ExchcertSimWire($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Collections.IDictionary]) {
        if ($Value.Count -eq 1 -and $Value.Contains('bytes')) { return ,[System.Convert]::FromBase64String($Value['bytes']) }
        if ($Value.Count -eq 1 -and $Value.Contains('date')) { return [System.DateTimeOffset]::FromUnixTimeMilliseconds([long]$Value['date']).LocalDateTime }
        $properties = [ordered]@{}
        foreach ($key in $Value.Keys) { $properties[$key] = ConvertFrom-ExchcertSimWire $Value[$key] }
        return [pscustomobject]$properties
    }
    if ($Value -is [System.Collections.IList]) { return ,[object[]]@(foreach ($item in $Value) { ConvertFrom-ExchcertSimWire $item }) }
    return $Value
}

# An output object typed as Exchange types it: certificates are X509Certificate2 objects carrying Exchange's properties.
function ConvertTo-ExchcertSimOutput($Value) {
    if (-not ($Value -is [System.Collections.IDictionary])) { return ConvertFrom-ExchcertSimWire $Value }
    # A configuration object (server, Auth configuration, connector, POP/IMAP settings): Exchange's type name, whose
    # view the format file has, and its Identity as the text "$object" gives.
    if ($Value.Contains('PSTypeNames')) {
        $properties = [ordered]@{}
        foreach ($key in $Value.Keys) { if ($key -cne 'PSTypeNames' -and $key -cne '__ToString') { $properties[$key] = ConvertFrom-ExchcertSimWire $Value[$key] } }
        $object = [pscustomobject]$properties
        $object.PSObject.TypeNames.Clear()
        foreach ($type in @($Value['PSTypeNames'])) { $object.PSObject.TypeNames.Add([string]$type) }
        $object.PSObject.TypeNames.Add('System.Object')
        if ($Value.Contains('__ToString')) {
            $text = [string]$Value['__ToString']
            $object | Add-Member -MemberType ScriptMethod -Name ToString -Value { $text }.GetNewClosure() -Force
        }
        return $object
    }
    if ($Value.Contains('Thumbprint') -and $Value.Contains('Services')) {
        $object = $null
        $raw = $Value['RawData']
        if ($raw -is [System.Collections.IDictionary] -and $raw.Contains('bytes') -and $raw['bytes']) {
            try { $object = [psobject]::new([System.Security.Cryptography.X509Certificates.X509Certificate2]::new([System.Convert]::FromBase64String($raw['bytes']))) }
            catch { $object = $null }
        }
        if ($null -eq $object) { $object = [pscustomobject]@{} }
        # Exchange's type names only: X509Certificate2's type data (DnsNameList, EnhancedKeyUsageList, SendAsTrustedIssuer
        # script properties) would shadow the engine's values, as deserialized EMS objects have none of them either.
        $object.PSObject.TypeNames.Clear()
        $object.PSObject.TypeNames.Add('Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate')
        $object.PSObject.TypeNames.Add('System.Object')
        foreach ($key in $Value.Keys) {
            if ($key -eq 'RawData' -and $object.PSObject.BaseObject -is [System.Security.Cryptography.X509Certificates.X509Certificate2]) { continue }
            $property = ConvertFrom-ExchcertSimWire $Value[$key]
            # Exchange's own value types: the AllowedServices flags (-band works) and SmtpDomainWithSubdomains items.
            if ($key -eq 'Services' -and $property -is [string]) { $property = [Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices]$property }
            # A list, as Exchange's MultiValuedProperty (an array's own Address() method would hide the items' Address).
            if ($key -eq 'CertificateDomains') {
                $domains = [System.Collections.Generic.List[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]]::new()
                foreach ($d in @($property)) { if ($null -ne $d) { $domains.Add([Microsoft.Exchange.Data.SmtpDomainWithSubdomains]::new([string]$d)) } }
                $property = $domains
            }
            $object | Add-Member -NotePropertyName $key -NotePropertyValue $property -Force
        }
        return $object
    }
    $converted = ConvertFrom-ExchcertSimWire $Value
    if ($Value.Contains('FileData') -and $Value.Count -eq 1) { $converted.PSObject.TypeNames.Insert(0, 'Microsoft.Exchange.Data.BinaryFileDataObject') }
    return $converted
}

# Exchange's ErrorRecord: its message, category and FullyQualifiedErrorId exactly (not suffixed with the function name).
function New-ExchcertSimErrorRecord($Record) {
    $exception = $null
    $typeName = if ($Record.Contains('exceptionType') -and $Record['exceptionType']) { [string]$Record['exceptionType'] } else { 'InvalidOperationException' }
    foreach ($candidate in @($typeName, "System.$typeName", "System.Management.Automation.$typeName")) {
        $type = $candidate -as [type]
        if ($type -and [System.Exception].IsAssignableFrom($type)) {
            try { $exception = $type::new([string]$Record['message']) } catch { $exception = $null }
            if ($exception) { break }
        }
    }
    if (-not $exception) { $exception = [System.InvalidOperationException]::new([string]$Record['message']) }
    $category = [System.Management.Automation.ErrorCategory]::NotSpecified
    $null = [System.Enum]::TryParse([string]$Record['category'], [ref]$category)
    $target = if ($Record.Contains('targetObject')) { $Record['targetObject'] } else { $null }
    if ($script:ExchcertSimRecordCtor) {
        return $script:ExchcertSimRecordCtor.Invoke(@($exception, $target, [string]$Record['fullyQualifiedErrorId'], $category, $null, $null, $null, $null, $null, $null, $null))
    }
    return [System.Management.Automation.ErrorRecord]::new($exception, [string]$Record['errorId'], $category, $target)
}

# The session as the sim backend sets it up: the engine answers, $env:COMPUTERNAME is the connected server (as in EMS).
function Initialize-ExchcertSimSession {
    $response = Send-ExchcertSimRequest @{ op = 'hello'; connectedServer = $env:EXCHCERT_CONNECT }
    if ($response['kind'] -ne 'done') { throw "The exchcert engine failed: $($response['message'])" }
    $env:COMPUTERNAME = [string]$response['connectedServer']
}

# One cmdlet call: bound parameters to the engine, questions to the host, answers back as Exchange's objects and records.
function Invoke-ExchcertSimCall([string]$Cmdlet, $Command, $Bound, $Invocation) {
    $parameters = @{}
    foreach ($key in @($Bound.Keys)) {
        if ($script:ExchcertSimCommon -contains $key) { continue }
        $parameters[$key] = ConvertTo-ExchcertSimWire $Bound[$key]
    }
    $answers = [System.Collections.Generic.List[object]]::new()
    while ($true) {
        $request = @{
            op = 'invoke'; cmdlet = $Cmdlet; parameterSet = $Command.ParameterSetName; parameters = $parameters
            connectedServer = $env:EXCHCERT_CONNECT; shell = '7'; shouldProcess = 'client'; answers = $answers.ToArray()
            line = $Invocation.ScriptLineNumber; column = $Invocation.OffsetInLine
        }
        $response = Send-ExchcertSimRequest $request
        if ($response['kind'] -ne 'prompt') { break }
        $prompt = $response['prompt']
        try {
            if ($prompt['kind'] -eq 'ShouldProcess') {
                $answers.Add($(if ($Command.ShouldProcess([string]$prompt['action'], [string]$prompt['message'], [string]$prompt['caption'])) { 'Y' } else { 'N' }))
            }
            else {
                $yesToAll = $false
                $noToAll = $false
                $yes = $Command.ShouldContinue([string]$prompt['message'], [string]$prompt['caption'], [ref]$yesToAll, [ref]$noToAll)
                $answers.Add($(if ($yesToAll) { 'A' } elseif ($noToAll) { 'L' } elseif ($yes) { 'Y' } else { 'N' }))
            }
        }
        catch [System.Management.Automation.PipelineStoppedException] { throw }
        catch { $answers.Add($null) }
    }
    if ($response['kind'] -eq 'fault') {
        $Command.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            [System.InvalidOperationException]::new("The exchcert engine failed: $($response['message'])"), 'ExchcertSimEngineFault',
            [System.Management.Automation.ErrorCategory]::NotSpecified, $null))
    }
    if ($response['connectedServer'] -and -not $env:COMPUTERNAME) { $env:COMPUTERNAME = [string]$response['connectedServer'] }
    foreach ($warning in @($response['warnings'])) { if ($null -ne $warning) { $Command.WriteWarning([string]$warning) } }
    foreach ($item in @($response['output'])) { if ($null -ne $item) { $Command.WriteObject((ConvertTo-ExchcertSimOutput $item)) } }
    foreach ($record in @($response['errors'])) { if ($null -ne $record) { $Command.WriteError((New-ExchcertSimErrorRecord $record)) } }
    if ($response['terminating']) { $Command.ThrowTerminatingError((New-ExchcertSimErrorRecord $response['terminating'])) }
}`;

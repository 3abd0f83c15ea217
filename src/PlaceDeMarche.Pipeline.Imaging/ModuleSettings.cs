using System.Runtime.CompilerServices;

// Hot decoders use stackalloc scratch that they fully overwrite; zeroing it would only cost time.
[module: SkipLocalsInit]

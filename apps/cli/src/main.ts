// apiforge: entry of the `apiforge` bin. The commands are being built (issue 16).
console.error("apiforge: no commands yet");
process.exitCode = 2;

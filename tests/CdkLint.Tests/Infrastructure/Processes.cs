using System;
using System.Diagnostics;
using System.Text;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>Runs a command line tool (dotnet, bash) the way a user would, with the test host's MSBuild variables removed.</summary>
    public static class Processes
    {
        public static (int ExitCode, string Output) Run(string fileName, string arguments, string workingDirectory, int timeoutSeconds = 600, System.Collections.Generic.IDictionary<string, string>? environment = null)
        {
            var info = StartInfo(fileName, arguments, workingDirectory, environment);
            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {arguments} did not finish in {timeoutSeconds} s:\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        /// <summary>How every tool is started: output captured, and the environment of a user's shell, not of the test host.</summary>
        public static ProcessStartInfo StartInfo(string fileName, string arguments, string workingDirectory, System.Collections.Generic.IDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // `dotnet test` leaves MSBuild's own variables in the environment; a nested build must not inherit them.
            foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG" })
            {
                info.Environment.Remove(key);
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var pair in environment ?? new System.Collections.Generic.Dictionary<string, string>())
            {
                info.Environment[pair.Key] = pair.Value;
            }

            return info;
        }
    }
}

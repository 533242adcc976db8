using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>One finding of cdk-nag on a template: the rule, its level and the logical ID of the resource.</summary>
    public sealed record NagFinding(string Rule, string Level, string Resource)
    {
        /// <summary>
        /// Rules that report several findings per resource name each one: `AwsSolutions-IAM5[Action::dynamodb:*]`
        /// is a finding of AwsSolutions-IAM5 and of AwsSolutions-IAM5[Action::.
        /// </summary>
        public bool Is(string rule, string resourcePrefix) =>
            (Rule == rule || Rule.StartsWith(rule.Contains('[') ? rule : rule + "[", StringComparison.Ordinal))
            && Resource.StartsWith(resourcePrefix, StringComparison.Ordinal);

        public override string ToString() => $"{Rule} ({Level}) {Resource}";
    }

    /// <summary>
    /// cdk-nag 3.0.2's AwsSolutions and Serverless packs over a synthesized template, through
    /// tests/CdkLint.Tests/EndToEnd/nag/nag.js (cdk-nag in a JavaScript CDK app, pinned by its lockfile).
    /// </summary>
    public static class CdkNag
    {
        private static readonly object InstallLock = new();

        private static string NagDir => Path.Combine(CdkReferences.RepositoryRoot, "tests", "CdkLint.Tests", "EndToEnd", "nag");

        public static List<NagFinding> Run(string template, ITestOutputHelper output)
        {
            Install(output);
            var findingsFile = Path.ChangeExtension(template, ".nag.json");
            var started = DateTime.UtcNow;
            var (code, text) = Tool("node", $"nag.js \"{template}\" \"{findingsFile}\"", NagDir);
            Assert.True(code == 0, "cdk-nag could not check " + template + ":\n" + text);
            output.WriteLine($"cdk-nag {Path.GetFileName(template)}: {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            return JsonSerializer.Deserialize<List<NagFinding>>(File.ReadAllText(findingsFile), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        }

        /// <summary>
        /// `npm ci` from the committed lockfile, once: skipped while node_modules was installed from the same lockfile
        /// (its hash is stamped into node_modules). The end-to-end tests' only use of the network.
        /// </summary>
        private static void Install(ITestOutputHelper output)
        {
            lock (InstallLock)
            {
                var lockHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(NagDir, "package-lock.json"))));
                var stamp = Path.Combine(NagDir, "node_modules", ".cdklint-lock-sha256");
                if (File.Exists(stamp) && File.ReadAllText(stamp) == lockHash)
                {
                    return;
                }

                var started = DateTime.UtcNow;
                var (code, text) = Tool(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "ci --no-audit --no-fund", NagDir);
                Assert.True(code == 0, "npm ci failed in " + NagDir + ":\n" + text);
                File.WriteAllText(stamp, lockHash);
                output.WriteLine($"npm ci: {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            }
        }

        /// <summary>Node.js and npm are part of what these tests need: without them they fail and say so.</summary>
        private static (int ExitCode, string Output) Tool(string fileName, string arguments, string dir)
        {
            try
            {
                return Processes.Run(fileName, arguments, dir);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"The end-to-end tests need Node.js and npm on PATH to run cdk-nag; starting `{fileName}` failed: {e.Message}", e);
            }
        }
    }
}

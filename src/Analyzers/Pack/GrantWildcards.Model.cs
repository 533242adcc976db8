using System;
using System.Collections.Generic;
using System.Linq;

namespace CdkLint.Pack
{
    /// <summary>One Grant* method in one CDK version, and the AwsSolutions-IAM5 finding IDs of the policy it writes.</summary>
    internal sealed class GrantWildcardRow
    {
        public GrantWildcardRow(string version, string type, string method, string[] wildcards)
        {
            Version = System.Version.Parse(version);
            Type = type;
            Method = method;
            Wildcards = wildcards;
        }

        public Version Version { get; }
        public string Type { get; }
        public string Method { get; }
        public string[] Wildcards { get; }
    }

    internal static partial class GrantWildcards
    {
        private static readonly Version[] Versions = Rows.Select(r => r.Version).Distinct().OrderBy(v => v).ToArray();
        private static readonly Dictionary<Version, Dictionary<string, string[]>> ByVersion = Versions.ToDictionary(
            v => v,
            v => Rows.Where(r => r.Version == v).ToDictionary(r => r.Type + "." + r.Method, r => r.Wildcards, StringComparer.Ordinal));

        /// <summary>
        /// The rows of the newest table version not above <paramref name="cdk"/>: the oldest below the table's range,
        /// the newest when the version is unknown (0.0) or above it.
        /// </summary>
        public static IReadOnlyDictionary<string, string[]> For(Version cdk)
        {
            var chosen = Versions[0];
            foreach (var v in Versions)
            {
                if (v <= cdk || cdk.Major == 0)
                {
                    chosen = v;
                }
            }

            return ByVersion[chosen];
        }
    }
}

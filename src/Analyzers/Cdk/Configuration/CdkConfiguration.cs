using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Cdk
{
    /// <summary>
    /// What the team configured: `.editorconfig` options (<c>cdklint.&lt;option&gt;</c> for all rules,
    /// <c>cdklint.CDKnnnn.&lt;option&gt;</c> for one) and the app's cdk.json feature flags, which the package's build
    /// props pass as an AdditionalFiles item (analyzers do no file I/O).
    /// </summary>
    internal static class CdkConfiguration
    {
        private static readonly ConditionalWeakTable<AdditionalText, CdkJson> CdkJsonCache = new();

        /// <summary>The rule's own option first, then the global one; per-file `.editorconfig` sections, then global config.</summary>
        public static bool TryGetOption(AnalyzerOptions options, SyntaxTree? tree, string ruleId, string option, out string value)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var perRule = "cdklint." + ruleId + "." + option;
            var global = "cdklint." + option;
            foreach (var source in tree is null ? new[] { provider.GlobalOptions } : new[] { provider.GetOptions(tree), provider.GlobalOptions })
            {
                if (source.TryGetValue(perRule, out var v) || source.TryGetValue(global, out v))
                {
                    value = v.Trim();
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        public static bool GetBool(AnalyzerOptions options, SyntaxTree? tree, string ruleId, string option, bool defaultValue)
            => TryGetOption(options, tree, ruleId, option, out var v) && bool.TryParse(v, out var b) ? b : defaultValue;

        /// <summary>The app's cdk.json, or <see cref="CdkJson.Empty"/> when the project has none.</summary>
        public static CdkJson GetCdkJson(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (string.Equals(Path.GetFileName(file.Path), "cdk.json", StringComparison.OrdinalIgnoreCase))
                {
                    return CdkJsonCache.GetValue(file, f => CdkJson.Parse(f.GetText(cancellationToken)?.ToString() ?? string.Empty));
                }
            }

            return CdkJson.Empty;
        }
    }

    /// <summary>The `context` feature flags of an app's cdk.json.</summary>
    internal sealed class CdkJson
    {
        public static readonly CdkJson Empty = new(new Dictionary<string, object?>(), null);

        private readonly Dictionary<string, object?> _context;

        private CdkJson(Dictionary<string, object?> context, string? error)
        {
            _context = context;
            Error = error;
        }

        /// <summary>Why the file could not be read, when it could not (a rule then assumes no flag is set).</summary>
        public string? Error { get; }

        public static CdkJson Parse(string text)
        {
            if (!Json.TryParse(text, out var value, out var error))
            {
                return new CdkJson(new Dictionary<string, object?>(), error);
            }

            return value is Dictionary<string, object?> root && root.TryGetValue("context", out var ctx) && ctx is Dictionary<string, object?> context
                ? new CdkJson(context, null)
                : Empty;
        }

        /// <summary>True when the flag is set to the JSON value true (or the string "true").</summary>
        public bool IsFlagOn(string flag)
            => _context.TryGetValue(flag, out var v) && (v is true || v is string s && string.Equals(s, "true", StringComparison.OrdinalIgnoreCase));
    }
}

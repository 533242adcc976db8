using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Cdk
{
    /// <summary>One organisation rule from cdklint.json: a requirement on one prop of one kind of construct.</summary>
    internal sealed class TeamPolicy
    {
        public TeamPolicy(string name, string construct, string property, bool required, IReadOnlyList<string>? allowed, IReadOnlyList<string>? forbidden, string message, DiagnosticSeverity severity)
        {
            Name = name;
            Construct = construct;
            Property = property;
            Required = required;
            Allowed = allowed;
            Forbidden = forbidden;
            Message = message;
            Severity = severity;
        }

        public string Name { get; }

        /// <summary>A construct's full type name (`Amazon.CDK.AWS.S3.Bucket`), or `function` for the Lambda function family.</summary>
        public string Construct { get; }

        public string Property { get; }

        public bool Required { get; }

        public IReadOnlyList<string>? Allowed { get; }

        public IReadOnlyList<string>? Forbidden { get; }

        public string Message { get; }

        public DiagnosticSeverity Severity { get; }
    }

    /// <summary>
    /// The team's cdklint.json (passed by the package's build props as an AdditionalFiles item, next to cdk.json), read
    /// once per file. A file that cannot be read yields no policies and one <see cref="Error"/> with its line and column.
    /// </summary>
    internal sealed class TeamPolicies
    {
        public const string FileName = "cdklint.json";
        public const string FunctionFamily = "function";
        private static readonly ConditionalWeakTable<AdditionalText, TeamPolicies> Cache = new();
        private static readonly TeamPolicies None = new(Array.Empty<TeamPolicy>(), null, null, 0, 0);

        private TeamPolicies(IReadOnlyList<TeamPolicy> policies, AdditionalText? file, string? error, int line, int column)
        {
            Policies = policies;
            File = file;
            Error = error;
            Line = line;
            Column = column;
        }

        public IReadOnlyList<TeamPolicy> Policies { get; }

        public AdditionalText? File { get; }

        public string? Error { get; }

        /// <summary>1-based line and column of the problem (1, 1 when it concerns the file as a whole).</summary>
        public int Line { get; }

        public int Column { get; }

        public static TeamPolicies Get(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
                {
                    return Cache.GetValue(file, f => Parse(f, f.GetText(cancellationToken)?.ToString() ?? string.Empty));
                }
            }

            return None;
        }

        public static TeamPolicies Parse(AdditionalText? file, string text)
        {
            if (text.Trim().Length == 0)
            {
                return new TeamPolicies(Array.Empty<TeamPolicy>(), file, "the file is empty: write { \"policies\": [ … ] }", 1, 1);
            }

            if (!Json.TryParse(text, out var value, out var error))
            {
                var (line, column) = Position(error);
                var colon = error?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
                return new TeamPolicies(Array.Empty<TeamPolicy>(), file, colon > 0 ? error!.Substring(colon + 2) : error, line, column);
            }

            if (value is not Dictionary<string, object?> root || !root.TryGetValue("policies", out var list) || list is not List<object?> items)
            {
                return new TeamPolicies(Array.Empty<TeamPolicy>(), file, "the file needs a \"policies\" array", 1, 1);
            }

            var policies = new List<TeamPolicy>();
            for (var i = 0; i < items.Count; i++)
            {
                if (!TryRead(items[i], out var policy, out var problem))
                {
                    return new TeamPolicies(Array.Empty<TeamPolicy>(), file, $"policy #{i + 1}: {problem}", 1, 1);
                }

                policies.Add(policy!);
            }

            return new TeamPolicies(policies, file, null, 0, 0);
        }

        private static bool TryRead(object? item, out TeamPolicy? policy, out string? problem)
        {
            policy = null;
            if (item is not Dictionary<string, object?> p)
            {
                problem = "a policy is an object";
                return false;
            }

            foreach (var key in p.Keys)
            {
                if (key is not ("name" or "construct" or "property" or "required" or "allowed" or "forbidden" or "message" or "severity"))
                {
                    problem = $"unknown key \"{key}\"";
                    return false;
                }
            }

            string? Text(string key) => p.TryGetValue(key, out var v) && v is string s && s.Trim().Length > 0 ? s.Trim() : null;
            var name = Text("name");
            var construct = Text("construct");
            var property = Text("property");
            var message = Text("message");
            if (name is null || construct is null || property is null || message is null)
            {
                problem = "\"name\", \"construct\", \"property\" and \"message\" are required strings";
                return false;
            }

            var required = p.TryGetValue("required", out var r) && r is true;
            if (p.TryGetValue("required", out var rv) && rv is not bool)
            {
                problem = $"\"{name}\": \"required\" is true or false";
                return false;
            }

            if (!TryList(p, "allowed", out var allowed) || !TryList(p, "forbidden", out var forbidden))
            {
                problem = $"\"{name}\": \"allowed\" and \"forbidden\" are arrays of values";
                return false;
            }

            if (!required && allowed is null && forbidden is null)
            {
                problem = $"\"{name}\" needs \"required\", \"allowed\" or \"forbidden\"";
                return false;
            }

            var severityText = Text("severity") ?? "warning";
            DiagnosticSeverity? severity = severityText.ToLowerInvariant() switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" or "suggestion" => DiagnosticSeverity.Info,
                "hidden" or "silent" => DiagnosticSeverity.Hidden,
                _ => null,
            };
            if (severity is null)
            {
                problem = $"\"{name}\": \"severity\" is error, warning, info or hidden";
                return false;
            }

            policy = new TeamPolicy(name, construct, property, required, allowed, forbidden, message, severity.Value);
            problem = null;
            return true;
        }

        private static bool TryList(Dictionary<string, object?> policy, string key, out IReadOnlyList<string>? values)
        {
            values = null;
            if (!policy.TryGetValue(key, out var v))
            {
                return true;
            }

            if (v is not List<object?> list)
            {
                return false;
            }

            var result = new List<string>(list.Count);
            foreach (var item in list)
            {
                switch (item)
                {
                    case string s:
                        result.Add(s);
                        break;
                    case bool b:
                        result.Add(b ? "true" : "false");
                        break;
                    case double d:
                        result.Add(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    default:
                        return false;
                }
            }

            values = result;
            return true;
        }

        /// <summary>"line 3, column 7: …" → (3, 7).</summary>
        private static (int Line, int Column) Position(string? error)
        {
            var match = System.Text.RegularExpressions.Regex.Match(error ?? string.Empty, @"line (\d+), column (\d+)");
            return match.Success ? (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (1, 1);
        }
    }
}

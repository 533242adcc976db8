using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>What AWS has blocked on a deprecated runtime, as of the schedule's date.</summary>
    internal enum RuntimePhase
    {
        /// <summary>Deprecated; creating new functions is blocked from <see cref="RuntimeEntry.BlockCreate"/>.</summary>
        CreateBlockedFrom,

        /// <summary>Deprecated; creating new functions is already blocked (updates still work).</summary>
        CreateBlocked,

        /// <summary>Deprecated; creating and updating functions are both blocked.</summary>
        UpdateBlocked,
    }

    /// <summary>One deprecated runtime: its Lambda name, the CDK member that names it, and AWS's dates.</summary>
    internal sealed class RuntimeEntry
    {
        public RuntimeEntry(string name, string? cdkMember, string family, string deprecated, RuntimePhase phase, string? blockCreate = null)
        {
            Name = name;
            CdkMember = cdkMember;
            Family = family;
            Deprecated = ParseDate(deprecated);
            Phase = phase;
            BlockCreate = blockCreate is null ? null : ParseDate(blockCreate);
        }

        public string Name { get; }

        /// <summary>The static property of <c>Runtime</c> (<c>NODEJS_16_X</c>); null where CDK never had one.</summary>
        public string? CdkMember { get; }

        /// <summary>The <c>RuntimeFamily</c> member: NODEJS, PYTHON, RUBY, JAVA, DOTNET_CORE, GO, OTHER.</summary>
        public string Family { get; }

        public DateTime Deprecated { get; }

        public RuntimePhase Phase { get; }

        public DateTime? BlockCreate { get; }

        internal static DateTime ParseDate(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>
    /// AWS Lambda's runtime deprecation schedule, as one data table so a release can update it in one place.
    /// Source: AWS's dates as bundled in AWS's CloudFormation validator 1.14, shipped with aws-cdk-lib 2.276 (the newest
    /// source at hand; cfn-lint 1.51's older table has earlier block dates and AL2 runtimes AWS has since moved), as of
    /// November 2026 (aws-cdk-lib 2.277, the next release, was packed on 2026-11-12). Runtimes that table lists without a
    /// date (older Node.js, python2.7, ruby2.5, older .NET Core) carry the deprecation dates of AWS's "Deprecated
    /// runtimes" list in the Lambda developer guide. Read again on 2026-12-02: dotnet8 added (.NET 8 reached end of
    /// support on 2026-11-10; creating new functions on it is blocked from 2027-02-01, like the other entries of the
    /// first group). For each release, read AWS's Lambda runtimes table and take its create- and update-block dates.
    /// </summary>
    internal static class LambdaRuntimes
    {
        public const string ScheduleSource = "AWS CloudFormation validator 1.14 (aws-cdk-lib 2.276)";

        public const string ScheduleDate = "2026-12-02";

        private const string Blocked2027 = "2027-02-01";

        public static readonly IReadOnlyList<RuntimeEntry> Schedule = new[]
        {
            // Deprecated; creating new functions blocked from 2027-02-01.
            new RuntimeEntry("nodejs16.x", "NODEJS_16_X", "NODEJS", "2024-06-12", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("nodejs18.x", "NODEJS_18_X", "NODEJS", "2025-09-01", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("nodejs20.x", "NODEJS_20_X", "NODEJS", "2026-04-30", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("python3.8", "PYTHON_3_8", "PYTHON", "2024-10-14", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("python3.9", "PYTHON_3_9", "PYTHON", "2025-12-15", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("dotnet6", "DOTNET_6", "DOTNET_CORE", "2024-12-20", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("ruby3.2", "RUBY_3_2", "RUBY", "2026-03-31", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("provided.al2", "PROVIDED_AL2", "OTHER", "2026-07-31", RuntimePhase.CreateBlockedFrom, Blocked2027),
            new RuntimeEntry("dotnet8", "DOTNET_8", "DOTNET_CORE", "2026-11-10", RuntimePhase.CreateBlockedFrom, Blocked2027),

            // Deprecated; creating new functions already blocked.
            new RuntimeEntry("java8", "JAVA_8", "JAVA", "2024-01-08", RuntimePhase.CreateBlocked),
            new RuntimeEntry("provided", "PROVIDED", "OTHER", "2024-01-08", RuntimePhase.CreateBlocked),
            new RuntimeEntry("go1.x", "GO_1_X", "GO", "2024-01-08", RuntimePhase.CreateBlocked),
            new RuntimeEntry("nodejs14.x", "NODEJS_14_X", "NODEJS", "2023-12-04", RuntimePhase.CreateBlocked),
            new RuntimeEntry("python3.7", "PYTHON_3_7", "PYTHON", "2023-12-04", RuntimePhase.CreateBlocked),
            new RuntimeEntry("ruby2.7", "RUBY_2_7", "RUBY", "2023-12-07", RuntimePhase.CreateBlocked),

            // Deprecated; updates blocked too.
            new RuntimeEntry("nodejs12.x", "NODEJS_12_X", "NODEJS", "2023-03-31", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("nodejs10.x", "NODEJS_10_X", "NODEJS", "2021-07-30", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("nodejs8.10", "NODEJS_8_10", "NODEJS", "2020-03-06", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("nodejs6.10", "NODEJS_6_10", "NODEJS", "2019-08-12", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("nodejs4.3", "NODEJS_4_3", "NODEJS", "2020-03-05", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("nodejs", "NODEJS", "NODEJS", "2016-10-31", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("python3.6", "PYTHON_3_6", "PYTHON", "2022-07-18", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("python2.7", "PYTHON_2_7", "PYTHON", "2021-07-15", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("dotnetcore3.1", "DOTNET_CORE_3_1", "DOTNET_CORE", "2023-04-03", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("dotnetcore2.1", "DOTNET_CORE_2_1", "DOTNET_CORE", "2022-01-05", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("dotnetcore2.0", "DOTNET_CORE_2", "DOTNET_CORE", "2019-05-30", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("dotnetcore1.0", "DOTNET_CORE_1", "DOTNET_CORE", "2019-07-30", RuntimePhase.UpdateBlocked),
            new RuntimeEntry("ruby2.5", "RUBY_2_5", "RUBY", "2021-07-30", RuntimePhase.UpdateBlocked),
        };

        /// <summary>The runtime each family moves to (Lambda name, CDK member).</summary>
        public static readonly IReadOnlyDictionary<string, (string Name, string CdkMember)> Replacements = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["NODEJS"] = ("nodejs24.x", "NODEJS_24_X"),
            ["PYTHON"] = ("python3.14", "PYTHON_3_14"),
            ["RUBY"] = ("ruby4.0", "RUBY_4_0"),
            ["JAVA"] = ("java25", "JAVA_25"),
            ["DOTNET_CORE"] = ("dotnet10", "DOTNET_10"),
            ["GO"] = ("provided.al2023", "PROVIDED_AL2023"),
            ["OTHER"] = ("provided.al2023", "PROVIDED_AL2023"),
        };

        private static readonly Dictionary<string, RuntimeEntry> ByName = Index(e => e.Name);
        private static readonly Dictionary<string, RuntimeEntry> ByMember = Index(e => e.CdkMember);

        public static RuntimeEntry? FindByName(string name) => ByName.TryGetValue(name, out var e) ? e : null;

        public static RuntimeEntry? FindByMember(string member) => ByMember.TryGetValue(member, out var e) ? e : null;

        /// <summary>Interpreted runtimes run the same source on a newer version; compiled ones need a rebuild.</summary>
        public static bool IsInterpreted(string family) => family is "NODEJS" or "PYTHON" or "RUBY";

        /// <summary>
        /// The runtime an expression names: <c>Runtime.NODEJS_18_X</c> (member name) or <c>new Runtime("nodejs18.x",
        /// RuntimeFamily.NODEJS)</c> with a constant name. Family comes from the schedule, the member's prefix, or the
        /// constructor's family argument; null when it cannot be told.
        /// </summary>
        public static bool TryRead(IOperation? value, INamedTypeSymbol runtimeType, out string? member, out string? name, out string? family)
        {
            member = name = family = null;
            switch (ConstructCreation.Unwrap(value))
            {
                case IPropertyReferenceOperation { Instance: null } p when SymbolEqualityComparer.Default.Equals(p.Property.ContainingType, runtimeType)
                                                                          && SymbolEqualityComparer.Default.Equals(p.Property.Type, runtimeType):
                    member = p.Property.Name;
                    var entry = FindByMember(member);
                    name = entry?.Name;
                    family = entry?.Family ?? FamilyOfMember(member);
                    return true;
                case IObjectCreationOperation create when SymbolEqualityComparer.Default.Equals(create.Type, runtimeType)
                                                          && create.Arguments.Length > 0 && Constant.TryGetString(create.Arguments[0].Value, out var constantName):
                    name = constantName;
                    family = FindByName(constantName)?.Family ?? FamilyArgument(create);
                    return true;
                default:
                    return false;
            }
        }

        private static string? FamilyOfMember(string member)
        {
            foreach (var prefix in new[] { "NODEJS", "PYTHON", "RUBY", "JAVA", "DOTNET", "GO", "PROVIDED" })
            {
                if (member.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return prefix switch { "DOTNET" => "DOTNET_CORE", "PROVIDED" => "OTHER", _ => prefix };
                }
            }

            return null;
        }

        private static string? FamilyArgument(IObjectCreationOperation create)
        {
            foreach (var argument in create.Arguments)
            {
                if (argument.Parameter?.Name == "family" && ConstructCreation.Unwrap(argument.Value) is IFieldReferenceOperation field)
                {
                    return field.Field.Name;
                }
            }

            return null;
        }

        private static Dictionary<string, RuntimeEntry> Index(Func<RuntimeEntry, string?> key)
        {
            var map = new Dictionary<string, RuntimeEntry>(StringComparer.Ordinal);
            foreach (var entry in Schedule)
            {
                if (key(entry) is { } k)
                {
                    map[k] = entry;
                }
            }

            return map;
        }
    }
}

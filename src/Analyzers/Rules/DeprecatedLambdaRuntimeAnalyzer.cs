using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK5002. AWS deprecates a Lambda runtime when its language version reaches end of life: security patches stop,
    /// then creating functions on it is blocked, then updating them. The dates come from <see cref="LambdaRuntimes"/>;
    /// a runtime the referenced CDK marks <c>[Obsolete]</c> counts too. <c>NODEJS_LATEST</c>-style aliases move with
    /// CDK and <c>.BundlingImage</c> only picks a build container, so both stay quiet. CDKN_L1 (the AwsSolutions pack,
    /// off by default) reports, like cdk-nag's L1, a supported runtime that is not the newest of its family among the
    /// runtimes the referenced CDK version declares.
    /// </summary>
    public sealed class DeprecatedLambdaRuntimeAnalyzer : CdkAnalyzer
    {
        public const string FamilyKey = "Family";
        public const string ReplacementNameKey = "ReplacementName";
        public const string ReplacementMemberKey = "ReplacementMember";
        public const string FixableKey = "Fixable";

        // Inline Node.js code that needs SDK v2 (Node.js 18 and later ship only v3) or a callback handler (removed in
        // Node.js 24) would break on the replacement runtime.
        private static readonly Regex NeedsSdkV2 = new(@"require\s*\(\s*['""]aws-sdk['""/]|from\s+['""]aws-sdk['""/]", RegexOptions.CultureInvariant);
        private static readonly Regex CallbackHandler = new(@"(?:function\b[^(]*|)\(\s*[A-Za-z_$][\w$]*\s*,\s*[A-Za-z_$][\w$]*\s*,\s*[A-Za-z_$][\w$]*\s*\)\s*(?:=>|\{)", RegexOptions.CultureInvariant);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK5002, Descriptors.Pack("L1"));

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.Lambda.Runtime") is not { } runtimeType)
            {
                return;
            }

            var newest = NewestByFamily(runtimeType);
            context.RegisterOperationAction(
                ctx =>
                {
                    if (!LambdaRuntimes.TryRead(ctx.Operation, runtimeType, out var member, out var name, out var family)
                        || member is not null && member.EndsWith("_LATEST", StringComparison.Ordinal)
                        || !IsUsedAsRuntime(ctx.Operation, runtimeType))
                    {
                        return;
                    }

                    var entry = member is not null ? LambdaRuntimes.FindByMember(member) : name is not null ? LambdaRuntimes.FindByName(name) : null;
                    var obsolete = ctx.Operation is IPropertyReferenceOperation p && IsObsolete(p.Property);
                    var today = Today(ctx);
                    var byDate = entry is not null && entry.Deprecated <= today;
                    if (!byDate && !obsolete)
                    {
                        if (member is not null && Version(member) is { } version && newest.TryGetValue(version.Family, out var best) && Compare(version.Numbers, best.Numbers) < 0)
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("L1"), ctx.Operation.Syntax.GetLocation(), "Runtime." + member, "is not the newest runtime of its family: Runtime." + best.Member + " is"));
                        }

                        return;
                    }

                    var status = byDate ? Status(entry!, today)
                        : entry is not null ? "is marked deprecated by the referenced CDK (AWS ends support on " + Iso(entry.Deprecated) + ")"
                        : "is marked deprecated by the referenced CDK";
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    var replacement = "a supported runtime";
                    if (family is not null && LambdaRuntimes.Replacements.TryGetValue(family, out var next))
                    {
                        replacement = next.Name;
                        properties[FamilyKey] = family;
                        properties[ReplacementNameKey] = next.Name;
                        properties[ReplacementMemberKey] = next.CdkMember;
                        if (LambdaRuntimes.IsInterpreted(family) && (family != "NODEJS" || NodeCodeMovesSafely(ctx.Operation, symbols, ctx.CancellationToken)))
                        {
                            properties[FixableKey] = "true";
                        }
                    }

                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK5002, ctx.Operation.Syntax.GetLocation(), properties.ToImmutable(), name ?? "Runtime." + member, status, replacement));
                },
                OperationKind.PropertyReference,
                OperationKind.ObjectCreation);
        }

        private static string Status(RuntimeEntry entry, DateTime today)
        {
            var ended = "reached end of support on " + Iso(entry.Deprecated);
            return entry.Phase switch
            {
                RuntimePhase.CreateBlockedFrom when entry.BlockCreate is { } block && block > today
                    => ended + "; creating new functions on it will be blocked from " + Iso(block),
                RuntimePhase.UpdateBlocked => ended + " and creating or updating functions on it is already blocked",
                _ => ended + " and creating new functions on it is already blocked",
            };
        }

        private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>The analysis date: option <c>cdklint.today</c> (ISO date, for reproducible builds and tests), else today (UTC).</summary>
        private static DateTime Today(OperationAnalysisContext ctx)
        {
            if (CdkConfiguration.TryGetOption(ctx.Options, ctx.Operation.Syntax.SyntaxTree, Descriptors.CDK5002.Id, OptionKeys.Today, out var value)
                && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                return date;
            }

            return DateTime.UtcNow.Date;
        }

        private static bool IsObsolete(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace.Name: "System" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// False for a runtime that is only looked at: <c>Runtime.X.BundlingImage</c> (a build container),
        /// <c>.Name</c>, <c>fn.Runtime == Runtime.X</c>, <c>RuntimeEquals(Runtime.X)</c>.
        /// </summary>
        private static bool IsUsedAsRuntime(IOperation operation, INamedTypeSymbol runtimeType)
        {
            var node = operation;
            while (node.Parent is IConversionOperation or IParenthesizedOperation)
            {
                node = node.Parent;
            }

            switch (node.Parent)
            {
                case IMemberReferenceOperation reference when reference.Instance == node:
                case IInvocationOperation call when call.Instance == node || SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, runtimeType):
                case IBinaryOperation:
                case IIsPatternOperation:
                    return false;
                case IArgumentOperation { Parent: IInvocationOperation call } when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, runtimeType):
                    return false;
                case IArgumentOperation { Parent: IObjectCreationOperation create } when SymbolEqualityComparer.Default.Equals(create.Type, runtimeType):
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>
        /// A Node.js function moves safely when its code is visible and is not inline code that needs SDK v2 or a callback
        /// handler; a layer's compatible-runtime list carries no code.
        /// </summary>
        private static bool NodeCodeMovesSafely(IOperation runtime, CdkSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            var node = Collections.OutermostList(runtime);

            if (node.Parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
            {
                return false; // a runtime in a field or local: the code it will run is not in view
            }

            if (target.Property.Name == "CompatibleRuntimes")
            {
                return true;
            }

            var props = PropsReader.ReadObjectOf(assignment, cancellationToken);
            if (ConstructCreation.Unwrap(props.ValueOf("Code")) is not { } code)
            {
                // NodejsFunction bundles its entry file when Code is unset; props not seen whole may set any code.
                return props.IsComplete;
            }

            if (InlineLambdaCode.Argument(code, symbols) is not { } inline)
            {
                return true; // assets, buckets, images: moving needs no source change CdkLint can check
            }

            return Constant.TryGetString(inline, out var source) && !NeedsSdkV2.IsMatch(source) && !CallbackHandler.IsMatch(source);
        }

        /// <summary>
        /// The newest runtime of each family the referenced CDK declares (its static <c>Runtime</c> members), as cdk-nag's
        /// L1 reads them from CDK's list of runtimes: the family is the name's leading word (`nodejs`, `python`, `java`,
        /// `dotnet`, `dotnetcore`, `ruby`, `go`), the version the numbers after it.
        /// </summary>
        private static System.Collections.Generic.Dictionary<string, (string Member, int[] Numbers)> NewestByFamily(INamedTypeSymbol runtimeType)
        {
            var newest = new System.Collections.Generic.Dictionary<string, (string, int[])>(StringComparer.Ordinal);
            foreach (var symbol in runtimeType.GetMembers())
            {
                if (symbol is IPropertySymbol { IsStatic: true } property && SymbolEqualityComparer.Default.Equals(property.Type, runtimeType)
                    && Version(property.Name) is { } version
                    && (!newest.TryGetValue(version.Family, out var best) || Compare(version.Numbers, best.Item2) > 0))
                {
                    newest[version.Family] = (property.Name, version.Numbers);
                }
            }

            return newest;
        }

        /// <summary>`PYTHON_3_12` → (python, [3, 12]); `DOTNET_CORE_3_1` → (dotnetcore, [3, 1]); null for aliases, images and `provided`.</summary>
        private static (string Family, int[] Numbers)? Version(string member)
        {
            if (member.EndsWith("_LATEST", StringComparison.Ordinal) || member.StartsWith("PROVIDED", StringComparison.Ordinal) || member == "FROM_IMAGE")
            {
                return null;
            }

            var parts = member.Split('_');
            var family = parts[0].ToLowerInvariant();
            var first = 1;
            if (family == "dotnet" && parts.Length > 1 && parts[1] == "CORE")
            {
                family = "dotnetcore";
                first = 2;
            }

            var numbers = new System.Collections.Generic.List<int>();
            for (var i = first; i < parts.Length && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n); i++)
            {
                numbers.Add(n);
            }

            return family is "nodejs" or "python" or "java" or "dotnet" or "dotnetcore" or "ruby" or "go" ? (family, numbers.ToArray()) : null;
        }

        private static int Compare(int[] a, int[] b)
        {
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                var x = i < a.Length ? a[i] : -1;
                var y = i < b.Length ? b[i] : -1;
                if (x != y)
                {
                    return x.CompareTo(y);
                }
            }

            return 0;
        }
    }
}

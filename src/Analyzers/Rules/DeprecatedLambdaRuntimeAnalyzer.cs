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
    /// CDK and <c>.BundlingImage</c> only picks a build container, so both stay quiet.
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK5002);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.Lambda.Runtime") is not { } runtimeType)
            {
                return;
            }

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
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK9100 / CDK9101. Organisation rules written as data in cdklint.json (no analyzer to write): a requirement on one
    /// prop of one kind of construct — set, set to one of, or not set to one of some values — checked with the same
    /// knowledge every rule uses (all props shapes, options interfaces, constants). CDK9101 reports a file that cannot
    /// be read, once, at its line and column; its policies are then not applied.
    /// </summary>
    public sealed class TeamPolicyAnalyzer : CdkAnalyzer
    {
        internal const string PolicyProperty = "policy";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK9100, Descriptors.CDK9101);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var file = TeamPolicies.Get(context.Options, context.CancellationToken);
            if (file.Error is not null)
            {
                context.RegisterAdditionalFileAction(ctx =>
                {
                    if (ctx.AdditionalFile == file.File)
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK9101, FileLocation(ctx.AdditionalFile, file.Line, file.Column, ctx.CancellationToken), ctx.AdditionalFile.Path, file.Line, file.Column, file.Error));
                    }
                });
                return;
            }

            // Policies on construct types this compilation does not have (a module the app does not use) do nothing.
            var active = new List<(TeamPolicy Policy, INamedTypeSymbol? Type)>();
            foreach (var policy in file.Policies)
            {
                if (policy.Construct == TeamPolicies.FunctionFamily)
                {
                    if (symbols.IFunctionOptions is not null)
                    {
                        active.Add((policy, null));
                    }
                }
                else if (symbols.Type(policy.Construct) is { } type)
                {
                    active.Add((policy, type));
                }
            }

            if (active.Count == 0)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                PropsView? props = null;
                foreach (var (policy, type) in active)
                {
                    var applies = type is null ? creation.PropsAre(symbols.IFunctionOptions) : CdkSymbols.InheritsFrom(creation.Type, type);
                    if (!applies)
                    {
                        continue;
                    }

                    props ??= PropsReader.Read(creation, ctx.CancellationToken);
                    if (policy.Required && props.IsComplete && !props.TryGet(policy.Property, out _))
                    {
                        Report(ctx, policy, creation.Location, $"{creation.DisplayName} does not set {policy.Property}");
                    }
                }
            });

            // Values are judged where they are written, in every props shape (initializer, `props.X = …;`, helper).
            context.RegisterOperationAction(
                ctx =>
                {
                    var assignment = (ISimpleAssignmentOperation)ctx.Operation;
                    if (assignment.Target is not IPropertyReferenceOperation target)
                    {
                        return;
                    }

                    foreach (var (policy, type) in active)
                    {
                        if (target.Property.Name == policy.Property && PropsOf(target.Property, type, symbols))
                        {
                            Judge(ctx, policy, new PropAssignment(target.Property, assignment));
                        }
                    }
                },
                OperationKind.SimpleAssignment);
        }

        /// <summary>True when a props property belongs to the props of the policy's construct (by props naming convention).</summary>
        private static bool PropsOf(IPropertySymbol property, INamedTypeSymbol? construct, CdkSymbols symbols)
        {
            if (construct is null)
            {
                return CdkSymbols.IsOrInheritsOrImplements(property.ContainingType, symbols.IFunctionOptions);
            }

            for (var t = property.ContainingType; t is not null; t = t.BaseType)
            {
                if (t.Name == construct.Name + "Props" && t.ContainingNamespace.ToDisplayString() == construct.ContainingNamespace.ToDisplayString())
                {
                    return true;
                }
            }

            return false;
        }

        private static void Judge(OperationAnalysisContext ctx, TeamPolicy policy, PropAssignment set)
        {
            if (Constant.ValueName(set.Value) is not { } value)
            {
                return; // not a constant: a decision made elsewhere
            }

            if (policy.Allowed is { } allowed && !Contains(allowed, value))
            {
                Report(ctx, policy, set.Value.Syntax.GetLocation(), $"{policy.Property} is {value}, not one of {string.Join(", ", allowed)}");
            }
            else if (policy.Forbidden is { } forbidden && Contains(forbidden, value))
            {
                Report(ctx, policy, set.Value.Syntax.GetLocation(), $"{policy.Property} is {value}");
            }
        }

        private static bool Contains(IReadOnlyList<string> values, string value)
        {
            foreach (var v in values)
            {
                if (string.Equals(v, value, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext ctx, TeamPolicy policy, Location location, string what)
            => ctx.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CDK9100,
                location,
                policy.Severity,
                additionalLocations: null,
                properties: ImmutableDictionary<string, string?>.Empty.Add(PolicyProperty, policy.Name),
                policy.Name, policy.Message, what));

        private static Location FileLocation(AdditionalText file, int line, int column, System.Threading.CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text is null || text.Lines.Count == 0)
            {
                return Location.Create(file.Path, default, new LinePositionSpan(default, default));
            }

            var lineIndex = System.Math.Min(System.Math.Max(line - 1, 0), text.Lines.Count - 1);
            var start = text.Lines[lineIndex].Start + System.Math.Min(System.Math.Max(column - 1, 0), text.Lines[lineIndex].Span.Length);
            var position = text.Lines.GetLinePosition(start);
            return Location.Create(file.Path, new TextSpan(start, 0), new LinePositionSpan(position, position));
        }
    }
}

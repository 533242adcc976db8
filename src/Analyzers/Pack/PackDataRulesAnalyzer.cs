using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CdkLint.Cdk;
using CdkLint.Pack;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// The AwsSolutions pack's data rules (<see cref="AwsSolutionsRules"/>): for each construct creation, the prop
    /// checks of its construct family, read from the one props view every rule shares. Off by default: it runs only
    /// where some pack diagnostic is on (the AwsSolutions preset, or a <c>dotnet_diagnostic.CDKN_x.severity</c> entry).
    /// A prop left unset is reported only when every assignment to the props was seen; a value only when it is known.
    /// </summary>
    public sealed class PackDataRulesAnalyzer : CdkAnalyzer
    {
        internal const string PropProperty = "Prop";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = AwsSolutionsRules.All
            .Where(r => r.Coverage == Coverage.Pack && r.Checks.Count > 0)
            .Select(r => Descriptors.Pack(r.Name))
            .ToImmutableArray();

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var byType = new Dictionary<INamedTypeSymbol, List<(PackRule Rule, PropCheck Check)>>(SymbolEqualityComparer.Default);
            foreach (var rule in AwsSolutionsRules.All)
            {
                if (rule.Coverage != Coverage.Pack)
                {
                    continue;
                }

                foreach (var check in rule.Checks)
                {
                    if (symbols.Type(check.Construct) is not { } type)
                    {
                        continue; // not in this CDK version
                    }

                    if (!byType.TryGetValue(type, out var list))
                    {
                        byType[type] = list = new List<(PackRule, PropCheck)>();
                    }

                    list.Add((rule, check));
                }
            }

            if (byType.Count == 0)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                PropsView? props = null;
                HashSet<string>? reported = null;
                for (var type = creation.Type; type is not null; type = type.BaseType)
                {
                    if (!byType.TryGetValue(type, out var checks))
                    {
                        continue;
                    }

                    foreach (var (rule, check) in checks)
                    {
                        if (reported is not null && reported.Contains(rule.Name))
                        {
                            continue; // one finding per rule and construct
                        }

                        props ??= PropsReader.Read(creation, ctx.CancellationToken);
                        if (Judge(check, props, creation, symbols, ctx.CancellationToken) is { } finding)
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.Pack(rule.Name),
                                finding.Location,
                                ImmutableDictionary<string, string?>.Empty.Add(PropProperty, check.Prop),
                                creation.DisplayName,
                                finding.Text));
                            (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule.Name);
                        }
                    }
                }
            });
        }

        /// <summary>Where and why <paramref name="check"/> fails on this creation, or null when it passes or cannot be known.</summary>
        internal static (Location Location, string Text)? Judge(PropCheck check, PropsView props, ConstructCreation creation, CdkSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            if (check.Prop.Length == 0)
            {
                // The construct itself is what the rule reports, unless a use of it settles the rule.
                return HasUseCheck(check) && IsSatisfiedByUse(creation, check, cancellationToken) ? null : (creation.Location, check.UnsetText);
            }

            if (check.OnlyWhen is { } when)
            {
                if (Constant.ValueName(props.ValueOf(when.Prop), symbols) is not { } guard || !StartsWithAny(guard, when.Prefixes))
                {
                    return null;
                }
            }

            if (check.OnlyWithProp is { } needed && !props.TryGet(needed, out _))
            {
                return null;
            }

            if (check.OnlyWithoutProp is { } excluded && MaySet(props, excluded, cancellationToken))
            {
                return null;
            }

            // A nested prop (`Capacity.MasterNodes`): an unset parent leaves the child at its default. A step may also
            // name a factory's parameter (`ViewerCertificate.options.SecurityPolicy`: the props passed as `options`).
            var view = props;
            var segments = check.Prop.Split('.');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (!view.TryGet(segments[i], out var parent))
                {
                    if (!view.IsComplete)
                    {
                        return null;
                    }

                    view = PropsView.None;
                    continue;
                }

                var value = parent.Value;
                if (i + 1 < segments.Length - 1 && ConstructCreation.Unwrap(value) is Microsoft.CodeAnalysis.Operations.IInvocationOperation factory)
                {
                    i++;
                    value = null;
                    foreach (var argument in factory.Arguments)
                    {
                        if (argument.Parameter?.Name == segments[i] && argument.ArgumentKind != Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue)
                        {
                            value = argument.Value;
                        }
                    }

                    if (value is null)
                    {
                        view = PropsView.None; // the factory's default
                        continue;
                    }
                }

                view = PropsReader.Read(value, cancellationToken);
            }

            var name = segments[segments.Length - 1];
            if (view.TryGet(name, out var set))
            {
                if (Constant.ValueName(set.Value, symbols) is not { } value)
                {
                    return null; // decided elsewhere (a parameter, a lookup, a runtime condition)
                }

                var fires = check.Firing is { } firing && Contains(firing, value) || check.Compliant is { } compliant && !Contains(compliant, value);
                return fires ? (set.Value.Syntax.GetLocation(), string.Format(System.Globalization.CultureInfo.InvariantCulture, check.ValueText ?? "sets " + check.Prop + " = {0}", value)) : null;
            }

            if (!check.UnsetFires || !view.IsComplete || !props.IsComplete)
            {
                return null;
            }

            if (HasUseCheck(check) && IsSatisfiedByUse(creation, check, cancellationToken))
            {
                return null;
            }

            return (creation.Location, check.UnsetText);
        }

        /// <summary>
        /// True when some use of the construct calls <see cref="PropCheck.SatisfiedByCall"/> on it (<c>lb.LogAccessLogs(…)</c>)
        /// or gives it as <see cref="PropCheck.SatisfiedByUseAs"/> to another construct (<c>ServerAccessLogsBucket = logs</c>).
        /// </summary>
        private static bool IsSatisfiedByUse(ConstructCreation creation, PropCheck check, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var use in ConstructRelations.Uses(creation.Operation, cancellationToken))
            {
                if (check.SatisfiedByEscapeHatch is not null && NamesInStatement(use.Syntax, check.SatisfiedByEscapeHatch))
                {
                    return true;
                }

                var parent = use.Parent;
                while (parent is Microsoft.CodeAnalysis.Operations.IConversionOperation)
                {
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation when invocation.TargetMethod.Name == check.SatisfiedByCall:
                        return true;
                    case Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation { Target: Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation target } when target.Property.Name == check.SatisfiedByUseAs:
                        return true;
                }
            }

            return false;
        }

        private static bool HasUseCheck(PropCheck check) => check.SatisfiedByCall is not null || check.SatisfiedByUseAs is not null || check.SatisfiedByEscapeHatch is not null;

        private static bool NamesInStatement(SyntaxNode use, string name)
        {
            var statement = use.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>();
            if (statement is null)
            {
                return false;
            }

            foreach (var token in statement.DescendantTokens())
            {
                if (token.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a prop (nested with a dot: `ZoneAwareness.AvailabilityZoneCount`) is set, or may be.</summary>
        private static bool MaySet(PropsView props, string name, System.Threading.CancellationToken cancellationToken)
        {
            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                return props.MaySet(name);
            }

            if (!props.TryGet(name.Substring(0, dot), out var parent))
            {
                return !props.IsComplete;
            }

            return PropsReader.Read(parent.Value, cancellationToken).MaySet(name.Substring(dot + 1));
        }

        private static bool Contains(IReadOnlyList<string> values, string value)
        {
            foreach (var v in values)
            {
                if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Prefix match with case and underscores ignored: `AURORA_MYSQL` and `AuroraMysql` are one name.</summary>
        private static bool StartsWithAny(string value, string[] prefixes)
        {
            var normal = value.Replace("_", string.Empty);
            foreach (var prefix in prefixes)
            {
                if (normal.StartsWith(prefix.Replace("_", string.Empty), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

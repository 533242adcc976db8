using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1006. An RDS database without deletion protection is deleted by a stack deletion, or by an update that
    /// replaces or drops it. CDK turns protection on by itself only when the props' removal policy is RETAIN (its
    /// default for databases is SNAPSHOT, which leaves protection off). An explicit DESTROY is a decision for a
    /// throw-away database, and a value computed at run time (<c>DeletionProtection = isProd</c>) is a decision too.
    /// </summary>
    public sealed class DatabaseWithoutDeletionProtectionAnalyzer : CdkAnalyzer
    {
        internal static readonly string[] Databases =
        {
            "Amazon.CDK.AWS.RDS.DatabaseInstance",
            "Amazon.CDK.AWS.RDS.DatabaseInstanceFromSnapshot",
            "Amazon.CDK.AWS.RDS.DatabaseInstanceReadReplica",
            "Amazon.CDK.AWS.RDS.DatabaseCluster",
            "Amazon.CDK.AWS.RDS.DatabaseClusterFromSnapshot",
            "Amazon.CDK.AWS.RDS.ServerlessCluster",
            "Amazon.CDK.AWS.RDS.ServerlessClusterFromSnapshot",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1006);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var types = new List<INamedTypeSymbol>();
            foreach (var name in Databases)
            {
                if (symbols.Type(name) is { } type)
                {
                    types.Add(type);
                }
            }

            if (types.Count == 0 || symbols.RemovalPolicy is not { } removalPolicy)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!types.Exists(t => CdkSymbols.InheritsFrom(creation.Type, t)))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.TryGet("DeletionProtection", out var protection))
                {
                    if (Constant.TryGetBool(protection.Value, out var on) && !on)
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1006, protection.Value.Syntax.GetLocation(), creation.DisplayName, "sets DeletionProtection = false"));
                    }

                    return;
                }

                if (!props.IsComplete)
                {
                    return;
                }

                // CDK: deletionProtection ?? (removalPolicy === RETAIN). Unset and SNAPSHOT leave it off.
                var policy = props.ValueOf("RemovalPolicy");
                if (policy is null || Constant.IsEnumMember(policy, removalPolicy, "SNAPSHOT"))
                {
                    var why = policy is null ? "has no deletion protection (CDK turns it on only for RemovalPolicy.RETAIN)" : "has no deletion protection (RemovalPolicy.SNAPSHOT leaves it off)";
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1006, creation.Location, creation.DisplayName, why));
                }
            });
        }
    }
}

using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2002. Without <c>EnforceSSL = true</c> a bucket accepts plain-HTTP requests; with it CDK adds a bucket-policy
    /// Deny on <c>aws:SecureTransport = false</c>. Website buckets stay quiet: S3 website endpoints serve HTTP only, so a
    /// TLS-only policy would take the site down. An explicit <c>EnforceSSL = false</c> names the weaker choice: a decision.
    /// </summary>
    public sealed class BucketAllowsNonTlsAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2002);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Bucket is not { } bucket)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, bucket))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.IsComplete && !props.TryGet("EnforceSSL", out _) && !BucketFacts.IsWebsite(props)
                    && !ResourcePolicies.EnforcesTls(creation.Operation, ResourcePolicies.Kind.Bucket, ctx.CancellationToken))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2002, creation.Location, creation.DisplayName));
                }
            });
        }
    }
}

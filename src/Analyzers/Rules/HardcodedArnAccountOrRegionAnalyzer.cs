using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1005 (Info). An ARN written with a literal account ID or region points at one environment forever: deployed to
    /// another account or region, the stack still references the first one. Quiet where the literal is the point:
    /// Lambda layer ARNs (published by other accounts), ACM certificates in us-east-1 (CloudFront requires that region),
    /// and AWS-owned ARNs without an account.
    /// </summary>
    public sealed class HardcodedArnAccountOrRegionAnalyzer : CdkAnalyzer
    {
        internal const string AccountProperty = "account";
        internal const string RegionProperty = "region";

        /// <summary>arn:partition:service:region:account:resource</summary>
        private static readonly Regex Arn = new(@"^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z]{2}(-gov)?-[a-z]+-\d)?:(\d{12})?:(.+)$", RegexOptions.CultureInvariant);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1005);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
            => context.RegisterOperationAction(
                ctx =>
                {
                    var literal = (ILiteralOperation)ctx.Operation;
                    if (literal.ConstantValue is not { HasValue: true, Value: string text } || !text.StartsWith("arn:", System.StringComparison.Ordinal)
                        || !TryParse(text, out var region, out var account))
                    {
                        return;
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty.Add(AccountProperty, account).Add(RegionProperty, region);
                    var what = account is not null && region is not null ? "account " + account + " and region " + region
                        : account is not null ? "account " + account
                        : "region " + region;
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1005, literal.Syntax.GetLocation(), properties, what));
                },
                OperationKind.Literal);

        /// <summary>The region and account a constant ARN hardcodes; false for the ARNs that must be literal.</summary>
        internal static bool TryParse(string text, out string? region, out string? account)
        {
            region = account = null;
            var match = Arn.Match(text);
            if (!match.Success)
            {
                return false;
            }

            var service = match.Groups[2].Value;
            var resource = match.Groups[6].Value;
            if (service == "lambda" && resource.StartsWith("layer:", System.StringComparison.Ordinal)
                || service == "acm" && match.Groups[3].Value == "us-east-1")
            {
                return false;
            }

            region = match.Groups[3].Success && match.Groups[3].Length > 0 ? match.Groups[3].Value : null;
            account = match.Groups[5].Success && match.Groups[5].Length > 0 ? match.Groups[5].Value : null;
            return region is not null || account is not null;
        }
    }
}

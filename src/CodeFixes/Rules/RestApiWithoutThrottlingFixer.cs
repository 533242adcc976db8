using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK3002: stage throttling with the team's limits (options <c>cdklint.CDK3002.rate_limit</c> and
    /// <c>cdklint.CDK3002.burst_limit</c>), added to the API's existing <c>DeployOptions</c> or in new ones. A made-up limit
    /// on a live API would return 429s to real callers, so there is no fix without both options.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RestApiWithoutThrottlingFixer)), Shared]
    public sealed class RestApiWithoutThrottlingFixer : MissingSettingFixer
    {
        private const string StageOptions = "Amazon.CDK.AWS.APIGateway.StageOptions";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK3002.Id);

        internal override string EquivalenceKey => "CDK3002.StageThrottling";

        internal override string Title(Diagnostic diagnostic) => "Throttle the stage with the team's rate and burst limits";

        /// <summary>No DeployOptions yet: a new StageOptions with the limits.</summary>
        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => Limits(context) is { } limits
                ? new[] { ("DeployOptions", (ExpressionSyntax)PropsEditing.QualifiedExpression($"new global::{StageOptions} {{ ThrottlingRateLimit = {limits.Rate}, ThrottlingBurstLimit = {limits.Burst} }}")) }
                : null;

        /// <summary>Existing DeployOptions keep every setting they have and gain the two limits.</summary>
        internal override bool Queue(PropsAdditions additions, FixContext context, ConstructCreation creation, Diagnostic diagnostic)
        {
            var props = PropsReader.Read(creation, context.CancellationToken);
            if (props.ValueOf("DeployOptions") is not { } deployOptions)
            {
                return base.Queue(additions, context, creation, diagnostic);
            }

            return Limits(context) is { } limits
                && additions.TryAdd(deployOptions, StageOptions, new (string, ExpressionSyntax)[]
                {
                    ("ThrottlingRateLimit", SyntaxFactory.ParseExpression(limits.Rate)),
                    ("ThrottlingBurstLimit", SyntaxFactory.ParseExpression(limits.Burst)),
                }, context.CancellationToken);
        }

        /// <summary>The limits as C# literals: requests per second (a positive number) and a burst (a positive integer).</summary>
        private static (string Rate, string Burst)? Limits(FixContext context)
            => context.TryGetNumberOption(Descriptors.CDK3002.Id, OptionKeys.RateLimit, double.Epsilon, double.MaxValue, integer: false, out var rate)
               && context.TryGetNumberOption(Descriptors.CDK3002.Id, OptionKeys.BurstLimit, 1, int.MaxValue, integer: true, out var burst)
                ? (rate, burst)
                : null;
    }
}

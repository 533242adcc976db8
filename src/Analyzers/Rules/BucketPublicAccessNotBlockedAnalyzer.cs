using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2001. S3 has blocked public access on new buckets by default since April 2023, but a template that does not say
    /// so lets one later policy or ACL change open the bucket. The rule asks for <c>BlockPublicAccess.BLOCK_ALL</c>: it
    /// reports weaker settings and <c>PublicReadAccess = true</c> on their values, and an unset setting on the creation
    /// (unless <c>cdklint.CDK2001.require_explicit = false</c>). A bucket that is public on purpose gets no fix.
    /// </summary>
    public sealed class BucketPublicAccessNotBlockedAnalyzer : CdkAnalyzer
    {
        internal const string FixableProperty = "fixable";
        internal const string BlockedByDefaultFlag = "@aws-cdk/aws-s3:publicAccessBlockedByDefault";

        /// <summary>2.160 does not know the flag, 2.277 does: it is honoured from 2.161 on (a missed finding, never a false one).</summary>
        private static readonly System.Version FlagVersion = new(2, 161, 0);

        private const string PublicRead = "grants public read access";

        private static readonly string[] Options = { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2001);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Bucket is not { } bucket || symbols.Type("Amazon.CDK.AWS.S3.BlockPublicAccess") is not { } blockPublicAccess)
            {
                return;
            }

            var cdkHasFlag = symbols.CdkVersion >= FlagVersion;
            var unsetMeansBlocked = cdkHasFlag
                && CdkConfiguration.GetCdkJson(context.Options, context.CancellationToken).IsFlagOn(BlockedByDefaultFlag);

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, bucket)
                    || !CdkConfiguration.GetBool(ctx.Options, creation.Operation.Syntax.SyntaxTree, Descriptors.CDK2001.Id, OptionKeys.RequireExplicit, true))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (props.IsComplete && !props.TryGet("BlockPublicAccess", out _) && !IsPublicRead(props.ValueOf("PublicReadAccess")))
                {
                    var isPublic = BucketFacts.IsDeliberatelyPublic(props, creation.Operation, ctx.CancellationToken);
                    Report(ctx, creation.Location, creation.DisplayName, "leaves BlockPublicAccess unset", !isPublic);
                }
            });

            var table = new PropTable<string>(symbols, new[]
            {
                ("Amazon.CDK.AWS.S3.BucketProps", "BlockPublicAccess", "BlockPublicAccess"),
                ("Amazon.CDK.AWS.S3.BucketProps", "PublicReadAccess", "PublicReadAccess"),
            });
            RegisterPropAssignmentAction(context, table, (ctx, assignment, name) =>
            {
                string? problem = null;
                if (name == "PublicReadAccess")
                {
                    if (IsPublicRead(assignment.Value))
                    {
                        Report(ctx, assignment.Value.Syntax.GetLocation(), "This bucket", PublicRead, fixable: false);
                    }

                    return;
                }

                var value = ConstructCreation.Unwrap(assignment.Value);
                if (OperationTree.IsStaticMember(value, blockPublicAccess, "BLOCK_ACLS") || OperationTree.IsStaticMember(value, blockPublicAccess, "BLOCK_ACLS_ONLY"))
                {
                    problem = "blocks public ACLs only, not public bucket policies";
                }
                else if (value is IObjectCreationOperation { Arguments.Length: 1 } custom)
                {
                    problem = WeakOptions(custom.Arguments[0].Value, unsetMeansBlocked, cdkHasFlag, ctx.CancellationToken);
                }

                if (problem is not null)
                {
                    var props = PropsReader.ReadObjectOf(assignment.Assignment, ctx.CancellationToken);
                    var isPublic = BucketFacts.IsDeliberatelyPublic(props, BucketFacts.CreationOf(assignment.Assignment), ctx.CancellationToken);
                    Report(ctx, assignment.Value.Syntax.GetLocation(), "This bucket", problem, !isPublic);
                }
            });
        }

        private static bool IsPublicRead(IOperation? value) => Constant.TryGetBool(value, out var on) && on;

        /// <summary>
        /// What the options leave open, naming every one of the four block options that is false, and every one left
        /// unset where unset means false (always, unless the CDK version has the publicAccessBlockedByDefault flag and
        /// cdk.json turns it on): "leaves BlockPublicPolicy off and RestrictPublicBuckets unset (unset means off)".
        /// Null when all four block.
        /// </summary>
        private static string? WeakOptions(IOperation options, bool unsetMeansBlocked, bool cdkHasFlag, System.Threading.CancellationToken cancellationToken)
        {
            var view = PropsReader.Read(options, cancellationToken);
            if (!view.IsComplete)
            {
                return null;
            }

            var off = new System.Collections.Generic.List<string>(Options.Length);
            var unset = new System.Collections.Generic.List<string>(Options.Length);
            foreach (var option in Options)
            {
                if (view.ValueOf(option) is { } value)
                {
                    if (Constant.TryGetBool(value, out var on) && !on)
                    {
                        off.Add(option);
                    }
                }
                else if (!unsetMeansBlocked)
                {
                    unset.Add(option);
                }
            }

            if (off.Count == 0 && unset.Count == 0)
            {
                return null;
            }

            var problem = new System.Text.StringBuilder("leaves ");
            if (off.Count > 0)
            {
                problem.Append(List(off)).Append(" off");
            }

            if (unset.Count > 0)
            {
                problem.Append(off.Count > 0 ? " and " : string.Empty).Append(List(unset))
                    .Append(cdkHasFlag ? " unset (unset means off unless cdk.json sets " + BlockedByDefaultFlag + ")" : " unset (unset means off)");
            }

            return problem.ToString();
        }

        /// <summary>"A", "A and B", "A, B and C".</summary>
        private static string List(System.Collections.Generic.List<string> names)
            => names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];

        private static void Report(OperationAnalysisContext context, Location location, string subject, string problem, bool fixable)
            => context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CDK2001,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, fixable ? "true" : "false"),
                subject,
                problem,
                problem == PublicRead
                    ? "serve its content through CloudFront with origin access control, and block public access on the bucket"
                    : "set BlockPublicAccess = BlockPublicAccess.BLOCK_ALL"));
    }
}

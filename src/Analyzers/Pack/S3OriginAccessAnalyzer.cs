using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDKN_CFR7 (the AwsSolutions pack, off by default). cdk-nag asks a CloudFront origin on a bucket of the same stack for
    /// an origin access control. The origins that have none: <c>new S3Origin(bucket)</c> (an origin access identity),
    /// <c>S3BucketOrigin.WithOriginAccessIdentity(bucket)</c> and <c>WithBucketDefaults(bucket)</c>, and a
    /// <c>CloudFrontWebDistribution</c>'s <c>S3BucketSource</c>, when the bucket is created here (followed through
    /// locals and fields) and is not a website bucket. <c>S3BucketOrigin.WithOriginAccessControl</c> is compliant.
    /// </summary>
    public sealed class S3OriginAccessAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.Pack("CFR7"));

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Bucket is not { } bucket)
            {
                return;
            }

            var s3Origin = symbols.Type("Amazon.CDK.AWS.CloudFront.Origins.S3Origin");
            var s3BucketOrigin = symbols.Type("Amazon.CDK.AWS.CloudFront.Origins.S3BucketOrigin");
            var originConfig = symbols.Type("Amazon.CDK.AWS.CloudFront.S3OriginConfig");
            context.RegisterOperationAction(
                ctx =>
                {
                    IOperation? bucketValue = null;
                    switch (ctx.Operation)
                    {
                        case IObjectCreationOperation create when s3Origin is not null && SymbolEqualityComparer.Default.Equals(create.Type, s3Origin) && create.Arguments.Length > 0:
                            bucketValue = create.Arguments[0].Value;
                            break;
                        case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WithOriginAccessIdentity" or "WithBucketDefaults" } method } call
                            when s3BucketOrigin is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, s3BucketOrigin) && call.Arguments.Length > 0:
                            bucketValue = call.Arguments[0].Value;
                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "S3BucketSource" } property } } assignment
                            when originConfig is not null && CdkSymbols.IsOrInheritsOrImplements(property.ContainingType, originConfig):
                            bucketValue = assignment.Value;
                            break;
                    }

                    if (bucketValue is null
                        || ConstructRelations.Resolve(bucketValue, ctx.CancellationToken) is not IObjectCreationOperation created
                        || !ConstructCreation.TryGet(created, symbols, out var creation)
                        || !CdkSymbols.InheritsFrom(creation.Type, bucket))
                    {
                        return; // a bucket from elsewhere (imported, a parameter): cdk-nag asks only for the stack's own
                    }

                    var props = PropsReader.Read(creation, ctx.CancellationToken);
                    if (props.MaySet("WebsiteIndexDocument") || props.MaySet("WebsiteRedirect"))
                    {
                        return; // a website endpoint is an HTTP origin
                    }

                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("CFR7"), ctx.Operation.Syntax.GetLocation(), "This origin", "serves " + creation.DisplayName + " without an origin access control: use S3BucketOrigin.WithOriginAccessControl"));
                },
                OperationKind.ObjectCreation,
                OperationKind.Invocation,
                OperationKind.SimpleAssignment);
        }
    }
}

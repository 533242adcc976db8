using System;
using System.Collections.Immutable;
using System.Threading;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK3001. Files served from S3 are the content CloudFront caches best; a behaviour for them that disables caching
    /// sends every request to the bucket (slower, and billed per request). A behaviour without a cache policy is fine:
    /// CDK applies CachingOptimized. Dynamic origins (API Gateway, function URLs, load balancers, HTTP servers) may
    /// disable caching, and HTML paths of single-page apps are kept fresh on purpose.
    /// </summary>
    public sealed class CloudFrontCachingDisabledAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property set when the finding is CachePolicy.CACHING_DISABLED (the fix's case).</summary>
        public const string DisabledKey = "CachingDisabled";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK3001);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.CloudFront.CachePolicy") is not { } cachePolicy)
            {
                return;
            }

            var origins = new S3Origins(symbols);
            var table = new PropTable<string>(symbols, new[]
            {
                ("Amazon.CDK.AWS.CloudFront.IAddBehaviorOptions", "CachePolicy", "CachePolicy"),
                ("Amazon.CDK.AWS.CloudFront.ICachePolicyProps", "MaxTtl", "MaxTtl"),
                ("Amazon.CDK.AWS.CloudFront.ICachePolicyProps", "CookieBehavior", "CookieBehavior"),
            });
            RegisterPropAssignmentAction(context, table, (ctx, assignment, kind) =>
            {
                var ct = ctx.CancellationToken;
                var value = assignment.Value;
                switch (kind)
                {
                    case "CachePolicy" when OperationTree.IsStaticMember(value, cachePolicy, "CACHING_DISABLED") && ServesS3(assignment.Assignment, origins, ct):
                        ctx.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.CDK3001, value.Syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(DisabledKey, "true"),
                            "CachePolicy.CACHING_DISABLED", "sends every request to the bucket: use CachePolicy.CACHING_OPTIMIZED"));
                        break;
                    case "MaxTtl" when Constant.TryGetDurationSeconds(value, symbols, out var max) && max == 0 && DefaultTtlIsZero(assignment, symbols, ct)
                                       && PolicyServesS3(assignment.Assignment, cachePolicy, origins, ct):
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3001, value.Syntax.GetLocation(), "MaxTtl of zero (with DefaultTtl zero)", "turns caching off: set a positive MaxTtl"));
                        break;
                    case "CookieBehavior" when ConstructCreation.Unwrap(value) is IInvocationOperation { TargetMethod.Name: "All", Instance: null } call
                                               && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Type("Amazon.CDK.AWS.CloudFront.CacheCookieBehavior"))
                                               && PolicyServesS3(assignment.Assignment, cachePolicy, origins, ct):
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK3001, value.Syntax.GetLocation(), "CacheCookieBehavior.All()", "splits the cache by cookies that S3 ignores: use CacheCookieBehavior.None()"));
                        break;
                }
            });
        }

        /// <summary>
        /// CDK raises MaxTtl to DefaultTtl (1 day unless set): <c>MaxTtl = 0</c> alone still caches for a day, so only
        /// both at zero turn caching off.
        /// </summary>
        private static bool DefaultTtlIsZero(PropAssignment assignment, CdkSymbols symbols, CancellationToken ct)
            => Constant.TryGetDurationSeconds(PropsReader.ReadObjectOf(assignment.Assignment, ct).ValueOf("DefaultTtl"), symbols, out var d) && d == 0;

        /// <summary>True when the behaviour options that this `CachePolicy = …` sits in serve a non-HTML path from S3.</summary>
        private static bool ServesS3(ISimpleAssignmentOperation cachePolicyAssignment, S3Origins origins, CancellationToken ct)
        {
            if (ObjectOf(cachePolicyAssignment, ct) is not { } options)
            {
                return false;
            }

            var props = PropsReader.ReadObjectOf(cachePolicyAssignment, ct);
            foreach (var use in ConstructRelations.Uses(options, ct))
            {
                var origin = ConstructRelations.AtCallSite(props.ValueOf("Origin"), use);
                switch (use.Parent)
                {
                    // DistributionProps.DefaultBehavior: the `*` path.
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "DefaultBehavior" } }:
                        if (origins.IsS3(origin, ct))
                        {
                            return true;
                        }

                        break;

                    // AdditionalBehaviors: `["/img/*"] = new BehaviorOptions { … }` or `{ "/img/*", new BehaviorOptions { … } }`.
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer }:
                        if (!IsHtml(indexer.Arguments[0].Value) && origins.IsS3(origin, ct))
                        {
                            return true;
                        }

                        break;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add } when add.Arguments[1] == use.Parent:
                        if (!IsHtml(add.Arguments[0].Value) && origins.IsS3(origin, ct))
                        {
                            return true;
                        }

                        break;

                    // distribution.AddBehavior("/img/*", origin, new AddBehaviorOptions { … })
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AddBehavior", Arguments.Length: 3 } call }:
                        if (!IsHtml(call.Arguments[0].Value) && origins.IsS3(call.Arguments[1].Value, ct))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>True when the CachePolicyProps this assignment sits in build a policy that an S3 behaviour uses.</summary>
        private static bool PolicyServesS3(ISimpleAssignmentOperation propAssignment, INamedTypeSymbol cachePolicy, S3Origins origins, CancellationToken ct)
        {
            if (ObjectOf(propAssignment, ct) is not { } props)
            {
                return false;
            }

            foreach (var propsUse in ConstructRelations.Uses(props, ct))
            {
                if (propsUse.Parent is not IArgumentOperation { Parent: IObjectCreationOperation policy } || !SymbolEqualityComparer.Default.Equals(policy.Type, cachePolicy))
                {
                    continue;
                }

                foreach (var policyUse in ConstructRelations.Uses(policy, ct))
                {
                    var node = policyUse;
                    while (node.Parent is IConversionOperation)
                    {
                        node = node.Parent;
                    }

                    if (node.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CachePolicy" } } use && ServesS3(use, origins, ct))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The object creation a property assignment writes to (its initializer's object, or the local's object).</summary>
        private static IOperation? ObjectOf(ISimpleAssignmentOperation assignment, CancellationToken ct) => assignment switch
        {
            { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } => creation,
            { Target: IPropertyReferenceOperation { Instance: { } instance } } => ConstructRelations.Resolve(instance, ct) as IObjectCreationOperation,
            _ => null,
        };

        /// <summary>Path patterns that name HTML pages (`/index.html`, `*.html`): single-page apps keep those fresh on purpose.</summary>
        private static bool IsHtml(IOperation pattern)
            => Constant.TryGetString(pattern, out var p)
               && (p.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".htm", StringComparison.OrdinalIgnoreCase));

        /// <summary>Origins that serve files from an S3 bucket, and origin groups made only of them.</summary>
        private sealed class S3Origins
        {
            private readonly INamedTypeSymbol? _s3Origin;
            private readonly INamedTypeSymbol? _bucketOrigin;
            private readonly INamedTypeSymbol? _websiteOrigin;
            private readonly INamedTypeSymbol? _group;

            public S3Origins(CdkSymbols symbols)
            {
                _s3Origin = symbols.Type("Amazon.CDK.AWS.CloudFront.Origins.S3Origin");
                _bucketOrigin = symbols.Type("Amazon.CDK.AWS.CloudFront.Origins.S3BucketOrigin");
                _websiteOrigin = symbols.Type("Amazon.CDK.AWS.CloudFront.Origins.S3StaticWebsiteOrigin");
                _group = symbols.Type("Amazon.CDK.AWS.CloudFront.Origins.OriginGroup");
            }

            public bool IsS3(IOperation? origin, CancellationToken ct, int depth = 0)
            {
                switch (ConstructRelations.Resolve(origin, ct))
                {
                    case IObjectCreationOperation create when Is(create.Type, _s3Origin) || Is(create.Type, _websiteOrigin) || Is(create.Type, _bucketOrigin):
                        return true;
                    case IInvocationOperation { Instance: null } call when Is(call.TargetMethod.ContainingType, _bucketOrigin):
                        return true; // S3BucketOrigin.WithOriginAccessControl / WithOriginAccessIdentity / WithBucketDefaults
                    case IObjectCreationOperation { Arguments.Length: > 0 } group when Is(group.Type, _group) && depth < 2:
                        var props = PropsReader.Read(group.Arguments[0].Value, ct);
                        return props.ValueOf("PrimaryOrigin") is { } primary && props.ValueOf("FallbackOrigin") is { } fallback
                               && IsS3(primary, ct, depth + 1) && IsS3(fallback, ct, depth + 1);
                    default:
                        return false;
                }
            }

            private static bool Is(ITypeSymbol? type, INamedTypeSymbol? target) => target is not null && CdkSymbols.InheritsFrom(type, target);
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1002. RemovalPolicy.DESTROY on a data store deletes the data with the stack (or when an update replaces the
    /// resource); AutoDeleteObjects empties a bucket first. SQS queues are left out on purpose: CDK's own default for a
    /// queue is DESTROY, because its messages are transient.
    /// </summary>
    public sealed class StatefulResourceDestroyedAnalyzer : CdkAnalyzer
    {
        /// <summary>The stateful constructs, by type (for ApplyRemovalPolicy) and by props type (for RemovalPolicy).</summary>
        internal static readonly (string Construct, string Props)[] Stateful =
        {
            ("Amazon.CDK.AWS.S3.Bucket", "Amazon.CDK.AWS.S3.BucketProps"),
            ("Amazon.CDK.AWS.DynamoDB.Table", "Amazon.CDK.AWS.DynamoDB.TableProps"),
            ("Amazon.CDK.AWS.DynamoDB.TableV2", "Amazon.CDK.AWS.DynamoDB.TablePropsV2"),
            ("Amazon.CDK.AWS.RDS.DatabaseInstanceBase", "Amazon.CDK.AWS.RDS.IDatabaseInstanceNewProps"),
            ("Amazon.CDK.AWS.RDS.DatabaseClusterBase", "Amazon.CDK.AWS.RDS.DatabaseClusterProps"),
            ("Amazon.CDK.AWS.RDS.DatabaseClusterFromSnapshot", "Amazon.CDK.AWS.RDS.DatabaseClusterFromSnapshotProps"),
            ("Amazon.CDK.AWS.RDS.ServerlessCluster", "Amazon.CDK.AWS.RDS.ServerlessClusterProps"),
            ("Amazon.CDK.AWS.RDS.ServerlessClusterFromSnapshot", "Amazon.CDK.AWS.RDS.ServerlessClusterFromSnapshotProps"),
            ("Amazon.CDK.AWS.Logs.LogGroup", "Amazon.CDK.AWS.Logs.LogGroupProps"),
            ("Amazon.CDK.AWS.SecretsManager.Secret", "Amazon.CDK.AWS.SecretsManager.SecretProps"),
            ("Amazon.CDK.AWS.KMS.Key", "Amazon.CDK.AWS.KMS.KeyProps"),
            ("Amazon.CDK.AWS.Cognito.UserPool", "Amazon.CDK.AWS.Cognito.UserPoolProps"),
            ("Amazon.CDK.AWS.EFS.FileSystem", "Amazon.CDK.AWS.EFS.FileSystemProps"),
            ("Amazon.CDK.AWS.Kinesis.Stream", "Amazon.CDK.AWS.Kinesis.StreamProps"),
            ("Amazon.CDK.AWS.ECR.Repository", "Amazon.CDK.AWS.ECR.RepositoryProps"),
            ("Amazon.CDK.AWS.OpenSearchService.Domain", "Amazon.CDK.AWS.OpenSearchService.DomainProps"),
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1002);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var removalPolicy = symbols.RemovalPolicy;
            if (removalPolicy is null)
            {
                return;
            }

            var statefulTypes = new List<INamedTypeSymbol>();
            var props = new List<(string, string, bool)>();
            foreach (var (construct, propsType) in Stateful)
            {
                if (symbols.Type(construct) is { } type)
                {
                    statefulTypes.Add(type);
                }

                props.Add((propsType, "RemovalPolicy", false));
            }

            props.Add(("Amazon.CDK.AWS.S3.BucketProps", "AutoDeleteObjects", true));
            var table = new PropTable<bool>(symbols, props);

            RegisterPropAssignmentAction(context, table, (ctx, assignment, isAutoDelete) =>
            {
                var owner = assignment.Property.ContainingType.Name.Replace("Props", string.Empty);
                if (!isAutoDelete && IsDestroy(assignment.Value, removalPolicy))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1002, assignment.Value.Syntax.GetLocation(), PropertiesOf(assignment.Value), "RemovalPolicy.DESTROY", owner));
                }
                else if (isAutoDelete && Constant.TryGetBool(assignment.Value, out var autoDelete) && autoDelete)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1002, assignment.Value.Syntax.GetLocation(), "AutoDeleteObjects = true", owner));
                }
            });

            context.RegisterOperationAction(
                ctx =>
                {
                    var call = (IInvocationOperation)ctx.Operation;
                    if (call.TargetMethod.Name != "ApplyRemovalPolicy" || call.Arguments.Length != 1
                        || !IsDestroy(call.Arguments[0].Value, removalPolicy) || !IsStateful(call.Instance?.Type, statefulTypes))
                    {
                        return;
                    }

                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1002, call.Arguments[0].Value.Syntax.GetLocation(), PropertiesOf(call.Arguments[0].Value), "ApplyRemovalPolicy(RemovalPolicy.DESTROY)", call.Instance!.Type!.Name));
                },
                OperationKind.Invocation);
        }

        private static bool IsStateful(ITypeSymbol? type, List<INamedTypeSymbol> statefulTypes)
        {
            foreach (var s in statefulTypes)
            {
                if (CdkSymbols.InheritsFrom(type, s))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A constant RemovalPolicy.DESTROY; a conditional on a runtime value is a decision, not a mistake.</summary>
        internal static bool IsDestroy(IOperation value, INamedTypeSymbol removalPolicy)
            => Constant.IsEnumMember(value, removalPolicy, "DESTROY");

        /// <summary>Set on a finding whose DESTROY is read from a local or a readonly field (no fix: see the fixer).</summary>
        internal const string HeldInVariableProperty = "HeldInVariable";

        /// <summary>A DESTROY read from a local or a readonly field, rather than the member or a <c>const</c>.</summary>
        internal static bool IsHeldInVariable(IOperation value)
            => ConstructCreation.Unwrap(value) is ILocalReferenceOperation or IFieldReferenceOperation { Field.IsConst: false };

        private static ImmutableDictionary<string, string?> PropertiesOf(IOperation value)
            => IsHeldInVariable(value) ? HeldInVariable : ImmutableDictionary<string, string?>.Empty;

        private static readonly ImmutableDictionary<string, string?> HeldInVariable = ImmutableDictionary<string, string?>.Empty.Add(HeldInVariableProperty, "true");
    }
}

using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK1001. A constant physical name means CloudFormation cannot create a second copy of the resource (another
    /// stage in the same account, or the replacement during an update that needs one). Display names and names that
    /// other code looks the resource up by (SSM parameters, RestApiName) are not physical names of this kind.
    /// </summary>
    public sealed class HardcodedPhysicalNameAnalyzer : CdkAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer treats the name (see <see cref="NameKinds"/>).</summary>
        public const string KindProperty = "kind";
        public const string ValueProperty = "value";
        public const string RemovableProperty = "removable";
        public const string ReusedProperty = "reused";
        private const string LambdaLogGroupPrefix = "/aws/lambda/";

        /// <summary>The props types that carry a physical name, and the name of that prop.</summary>
        private static readonly (string PropsType, string Property, string Kind)[] PhysicalNames =
        {
            ("Amazon.CDK.AWS.S3.BucketProps", "BucketName", NameKinds.S3),
            ("Amazon.CDK.AWS.DynamoDB.TableProps", "TableName", NameKinds.Plain),
            ("Amazon.CDK.AWS.DynamoDB.TablePropsV2", "TableName", NameKinds.Plain),
            ("Amazon.CDK.AWS.Lambda.IFunctionOptions", "FunctionName", NameKinds.Function),
            ("Amazon.CDK.AWS.IAM.RoleProps", "RoleName", NameKinds.Plain),
            ("Amazon.CDK.AWS.IAM.IRoleProps", "RoleName", NameKinds.Plain), // LazyRoleProps
            ("Amazon.CDK.AWS.IAM.ManagedPolicyProps", "ManagedPolicyName", NameKinds.Plain),
            ("Amazon.CDK.AWS.SQS.QueueProps", "QueueName", NameKinds.Fifo),
            ("Amazon.CDK.AWS.SNS.TopicProps", "TopicName", NameKinds.Fifo),
            ("Amazon.CDK.AWS.Logs.LogGroupProps", "LogGroupName", NameKinds.Plain),
            ("Amazon.CDK.AWS.SecretsManager.SecretProps", "SecretName", NameKinds.Plain),
            ("Amazon.CDK.AWS.RDS.IDatabaseSecretProps", "SecretName", NameKinds.Plain),
            ("Amazon.CDK.AWS.Kinesis.StreamProps", "StreamName", NameKinds.Plain),
            ("Amazon.CDK.AWS.ECS.ClusterProps", "ClusterName", NameKinds.Plain),
            ("Amazon.CDK.AWS.EKS.ICommonClusterOptions", "ClusterName", NameKinds.Plain), // ClusterProps, FargateClusterProps
            ("Amazon.CDK.AWS.ECR.RepositoryProps", "RepositoryName", NameKinds.LowerCase),
            ("Amazon.CDK.AWS.CodeCommit.RepositoryProps", "RepositoryName", NameKinds.Required),
            ("Amazon.CDK.AWS.StepFunctions.StateMachineProps", "StateMachineName", NameKinds.Plain),
            ("Amazon.CDK.AWS.Events.EventBusProps", "EventBusName", NameKinds.Plain),
            ("Amazon.CDK.AWS.KMS.AliasProps", "AliasName", NameKinds.Required),
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK1001);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var table = new PropTable<string>(symbols, PhysicalNames);
            RegisterPropAssignmentAction(context, table, (ctx, assignment, kind) =>
            {
                if (!Constant.TryGetString(assignment.Value, out var name))
                {
                    return;
                }

                var reused = IsReused(assignment.Value.Syntax, kind, name);
                var required = kind == NameKinds.Required || kind == NameKinds.Fifo && name.EndsWith(".fifo", System.StringComparison.Ordinal)
                    // Removing the only read of a local would leave it unused (CS0219 fails warnings-as-errors builds).
                    || ConstructCreation.Unwrap(assignment.Value) is Microsoft.CodeAnalysis.Operations.ILocalReferenceOperation;
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(KindProperty, kind)
                    .Add(ValueProperty, name)
                    .Add(ReusedProperty, reused ? "true" : "false")
                    .Add(RemovableProperty, reused || required ? "false" : "true");
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK1001, assignment.Value.Syntax.GetLocation(), properties, assignment.Name, name));
            });
        }

        /// <summary>
        /// Whether the same name is used elsewhere in the type (a `/aws/lambda/name` log group, an environment
        /// variable, an output): renaming the resource here alone would break that other use, so neither fix is offered.
        /// "Let CloudFormation name it" is also withheld where CDK requires the name, or where the name carries meaning
        /// (a `.fifo` suffix makes a FIFO queue or topic).
        /// </summary>
        private static bool IsReused(SyntaxNode value, string kind, string name)
        {
            if (value.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
            {
                return false;
            }

            // A function name that a log group's name repeats (the classic way to set a function's log retention),
            // seen from either side: renaming one alone would detach the function from its log group.
            var linked = kind == NameKinds.Function ? LambdaLogGroupPrefix + name
                : name.StartsWith(LambdaLogGroupPrefix, System.StringComparison.Ordinal) ? name.Substring(LambdaLogGroupPrefix.Length)
                : null;
            var identifier = (value as IdentifierNameSyntax)?.Identifier.ValueText;
            var literal = value as LiteralExpressionSyntax;
            var identifierUses = 0;

            // The token walk below is exact but costs a red node per token of the type, for every finding. Each way it
            // can find a reuse needs the needle's characters outside the value in the type's text, so a text search
            // settles most findings. Escapes (`\u0061`, `\\`, verbatim `""`) can spell a token's value in other
            // characters: with any of them in view the walk decides.
            if (!EscapesPossible(name) && FileText.Of(type.SyntaxTree) is var text && !FileText.HasBackslash(text, type.Span)
                && !(identifier is not null && FileText.OccursOutside(text, type.Span, value.Span, identifier))
                && !(literal is not null && FileText.OccursOutside(text, type.Span, value.Span, name))
                && !(linked is { Length: > 0 } && FileText.OccursOutside(text, type.Span, value.Span, linked)))
            {
                return false;
            }

            // One walk of the type, without allocating: most types have one finding or none, so an index per type
            // measured slower than reading the tokens again.
            foreach (var token in type.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    // A name held in a const, field or local that other code also reads.
                    if (identifier is not null && token.Parent is IdentifierNameSyntax && token.ValueText == identifier && ++identifierUses > 1)
                    {
                        return true;
                    }
                }
                else if (token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    // The same literal assigned again elsewhere (an environment variable, an output's value). Call
                    // arguments do not count: `AddResource("products")` or a construct id names a path or a node.
                    if (literal is not null && token != literal.Token && token.ValueText == name && token.Parent?.Parent is not ArgumentSyntax)
                    {
                        return true;
                    }

                    if (linked is { Length: > 0 } && token.Parent != value
                        && (kind == NameKinds.Function ? token.ValueText.Contains(linked) : token.ValueText == linked))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool EscapesPossible(string name) => name.IndexOf('"') >= 0 || name.IndexOf('\\') >= 0;

        /// <summary>How a physical name behaves, for the fixer.</summary>
        public static class NameKinds
        {
            public const string Plain = "plain";
            public const string S3 = "s3";
            public const string LowerCase = "lower";
            public const string Fifo = "fifo";
            public const string Function = "function";
            public const string Required = "required";
        }
    }
}

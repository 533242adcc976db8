using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK4002. Lambda creates its log group `/aws/lambda/&lt;name&gt;` on first write with retention "never expire", so
    /// a function without <c>LogRetention</c> or <c>LogGroup</c> keeps (and bills) its logs forever. Quiet where the logs
    /// already have a retention: CDK ≥ 2.200 with <c>@aws-cdk/aws-lambda:useCdkManagedLogGroup</c> (CDK then creates the
    /// log group itself, with a two-year retention), or a log group named `/aws/lambda/&lt;name&gt;` that the same
    /// code creates for the function with a retention (the classic way to set retention): a <c>LogGroup</c> (its
    /// retention defaults to two years) or a <c>CfnLogGroup</c> that sets <c>RetentionInDays</c> (without it the
    /// CloudFormation log group never expires its events).
    /// </summary>
    public sealed class LambdaLogsKeptForeverAnalyzer : CdkAnalyzer
    {
        internal const string ManagedLogGroupFlag = "@aws-cdk/aws-lambda:useCdkManagedLogGroup";
        private const string LambdaLogGroupPrefix = "/aws/lambda/";
        private static readonly System.Version ManagedLogGroupVersion = new(2, 200, 0);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK4002);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.IFunctionOptions is not { } functionOptions)
            {
                return;
            }

            if (symbols.CdkVersion >= ManagedLogGroupVersion
                && CdkConfiguration.GetCdkJson(context.Options, context.CancellationToken).IsFlagOn(ManagedLogGroupFlag))
            {
                return;
            }

            var logGroups = LogGroupKinds(symbols);
            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!creation.PropsAre(functionOptions))
                {
                    return;
                }

                var props = PropsReader.Read(creation, ctx.CancellationToken);
                if (!props.IsComplete || props.TryGet("LogRetention", out _) || props.TryGet("LogGroup", out _)
                    || HasClassicLogGroup(creation, props, logGroups, symbols, ctx.CancellationToken))
                {
                    return;
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK4002, creation.Location, creation.DisplayName));
            });
        }

        /// <summary>
        /// A construct type that creates a CloudWatch log group, and the prop that must be set for the group to expire
        /// its events (null: it has a retention whatever its props say).
        /// </summary>
        private readonly struct LogGroupKind
        {
            public LogGroupKind(INamedTypeSymbol type, string? retentionProp)
            {
                Type = type;
                RetentionProp = retentionProp;
            }

            public INamedTypeSymbol Type { get; }

            public string? RetentionProp { get; }
        }

        /// <summary>
        /// <c>LogGroup</c> keeps events two years when <c>Retention</c> is unset; <c>CfnLogGroup</c> (the
        /// CloudFormation resource itself) keeps them forever unless <c>RetentionInDays</c> is set. Both name the
        /// group through <c>LogGroupName</c>.
        /// </summary>
        private static ImmutableArray<LogGroupKind> LogGroupKinds(CdkSymbols symbols)
        {
            var kinds = ImmutableArray.CreateBuilder<LogGroupKind>(2);
            if (symbols.Type("Amazon.CDK.AWS.Logs.LogGroup") is { } logGroup)
            {
                kinds.Add(new LogGroupKind(logGroup, retentionProp: null));
            }

            if (symbols.Type("Amazon.CDK.AWS.Logs.CfnLogGroup") is { } cfnLogGroup)
            {
                kinds.Add(new LogGroupKind(cfnLogGroup, retentionProp: "RetentionInDays"));
            }

            return kinds.ToImmutable();
        }

        /// <summary>
        /// True when the code around the function creates a log group named "/aws/lambda/…" for this function — from
        /// its constant <c>FunctionName</c>, or from <c>fn.FunctionName</c> of the variable holding it — that expires
        /// its events: `new LogGroup(…, new LogGroupProps { LogGroupName = … })`, or
        /// `new CfnLogGroup(…, new CfnLogGroupProps { LogGroupName = …, RetentionInDays = … })`.
        /// </summary>
        private static bool HasClassicLogGroup(ConstructCreation function, PropsView props, ImmutableArray<LogGroupKind> logGroups, CdkSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            if (logGroups.IsEmpty)
            {
                return false;
            }

            Constant.TryGetString(props.ValueOf("FunctionName"), out var functionName);
            var holder = OperationTree.HolderOf(function.Operation);
            foreach (var op in OperationTree.BodyOf(function.Operation))
            {
                if (op is not IObjectCreationOperation create || KindOf(create.Type, logGroups) is not { } kind
                    || !ConstructCreation.TryGet(create, symbols, out var logCreation))
                {
                    continue;
                }

                var logProps = PropsReader.Read(logCreation, cancellationToken);
                if (logProps.ValueOf("LogGroupName") is not { } name
                    || kind.RetentionProp is { } retention && !logProps.TryGet(retention, out _))
                {
                    continue;
                }

                if (Constant.TryGetString(name, out var constant))
                {
                    if (functionName is not null && constant == LambdaLogGroupPrefix + functionName)
                    {
                        return true;
                    }

                    continue;
                }

                if (holder is not null && ReadsFunctionNameOf(name, holder))
                {
                    return true;
                }
            }

            return false;
        }

        private static LogGroupKind? KindOf(ITypeSymbol? type, ImmutableArray<LogGroupKind> logGroups)
        {
            foreach (var kind in logGroups)
            {
                if (CdkSymbols.InheritsFrom(type, kind.Type))
                {
                    return kind;
                }
            }

            return null;
        }

        private static bool ReadsFunctionNameOf(IOperation name, ISymbol holder)
        {
            foreach (var op in name.DescendantsAndSelf())
            {
                if (op is IPropertyReferenceOperation { Property.Name: "FunctionName" } property)
                {
                    if (OperationTree.Refers(property.Instance, holder))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}

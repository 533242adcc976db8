using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    internal enum TriggerKind
    {
        /// <summary>An API Gateway integration: <c>LambdaIntegration</c>, <c>HttpLambdaIntegration</c>, a <c>LambdaRestApi</c> handler.</summary>
        Api,

        /// <summary>An <c>SqsEventSource</c> (an event source mapping that polls the queue).</summary>
        Queue,
    }

    /// <summary>Something that invokes a function: the construct or event source, and what it says about timing.</summary>
    internal sealed class FunctionTrigger
    {
        public FunctionTrigger(TriggerKind kind, IOperation creation, IOperation? function, IOperation? timeout, IOperation? queue, bool isHttpApi = false)
        {
            Kind = kind;
            IsHttpApi = isHttpApi;
            Creation = creation;
            Function = function;
            Timeout = timeout;
            Queue = queue;
        }

        public TriggerKind Kind { get; }

        /// <summary>
        /// For <see cref="TriggerKind.Api"/>: an HTTP API (<c>HttpLambdaIntegration</c>) rather than a REST API. They wait
        /// differently: an HTTP API's integration timeout defaults to and is at most 30 s, a REST API's is 29 s.
        /// </summary>
        public bool IsHttpApi { get; }

        /// <summary>The <c>new LambdaIntegration(…)</c>, <c>new SqsEventSource(…)</c> or <c>new LambdaRestApi(…)</c>.</summary>
        public IOperation Creation { get; }

        /// <summary>The creation of the function it invokes (<c>new Function(…)</c>); null when that is not in view.</summary>
        public IOperation? Function { get; }

        /// <summary>An API integration's own <c>Timeout</c> (for accounts with a raised integration-timeout quota).</summary>
        public IOperation? Timeout { get; }

        /// <summary>For <see cref="TriggerKind.Queue"/>: the queue's creation, when it is in view.</summary>
        public IOperation? Queue { get; }
    }

    /// <summary>
    /// Which functions of a type (a stack or construct, in one file) are invoked by what: API integrations and SQS event
    /// sources, each followed to the function's creation through locals, fields and helpers. Computed once per type and
    /// shared by every rule and every callback that asks.
    /// </summary>
    internal sealed class FunctionTriggers
    {
        // Per compilation, per file, per type: a partial type's parts in other files are not read (see TypeBodies).
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxTree, INamedTypeSymbol), FunctionTriggers>> Cache = new();

        private readonly Dictionary<SyntaxNode, List<FunctionTrigger>> _byFunction = new();
        private readonly Dictionary<SyntaxNode, FunctionTrigger> _byCreation = new();

        private FunctionTriggers()
        {
        }

        public static FunctionTriggers Get(INamedTypeSymbol type, IOperation anchor, CdkSymbols symbols, CancellationToken cancellationToken)
        {
            var perType = Cache.GetValue(symbols.Compilation, _ => new ConcurrentDictionary<(SyntaxTree, INamedTypeSymbol), FunctionTriggers>(KeyComparer.Instance));
            var key = (anchor.Syntax.SyntaxTree, type);
            if (!perType.TryGetValue(key, out var triggers))
            {
                triggers = Build(type, anchor, symbols, cancellationToken);
                perType.TryAdd(key, triggers);
            }

            return triggers;
        }

        /// <summary>The triggers of the function created at <paramref name="function"/>.</summary>
        public IReadOnlyList<FunctionTrigger> Of(IOperation function)
            => _byFunction.TryGetValue(function.Syntax, out var list) ? list : (IReadOnlyList<FunctionTrigger>)System.Array.Empty<FunctionTrigger>();

        /// <summary>The trigger an integration or event source creation makes, if it is one this type resolved.</summary>
        public FunctionTrigger? At(IOperation creation) => _byCreation.TryGetValue(creation.Syntax, out var t) ? t : null;

        /// <summary>The SQS event sources that poll the queue created at <paramref name="queue"/>.</summary>
        public IEnumerable<FunctionTrigger> ConsumersOf(IOperation queue)
        {
            foreach (var trigger in _byCreation.Values)
            {
                if (trigger.Kind == TriggerKind.Queue && trigger.Queue?.Syntax == queue.Syntax)
                {
                    yield return trigger;
                }
            }
        }

        /// <summary>
        /// The function construct built from the props object an assignment writes to: <c>new Function(this, "F", props)</c>
        /// where <c>props</c> is that object (inline, in a local, or from a same-file helper).
        /// </summary>
        public static IOperation? FunctionOfProps(ISimpleAssignmentOperation assignment, CancellationToken cancellationToken)
        {
            // `local.Timeout = …;` on props held in a local: the creation that local is handed to. (Resolving the local
            // first would reach the object a shared helper returns, which every caller of the helper hands on.)
            if (assignment is { Parent: IExpressionStatementOperation, Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation local } })
            {
                IOperation? handedTo = null;
                foreach (var op in OperationTree.BodyOf(assignment))
                {
                    if (op is IArgumentOperation { Parameter.Name: "props", Parent: IObjectCreationOperation creation } argument
                        && ConstructCreation.Unwrap(argument.Value) is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local.Local))
                    {
                        if (handedTo is not null)
                        {
                            return null;
                        }

                        handedTo = creation;
                    }
                }

                return handedTo;
            }

            IOperation? props = assignment switch
            {
                { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } => creation,
                { Target: IPropertyReferenceOperation { Instance: { } instance } } => ConstructRelations.Resolve(instance, cancellationToken) as IObjectCreationOperation,
                _ => null,
            };
            if (props is null)
            {
                return null;
            }

            // The props object's one hand-over to a constructor (`props.X = …` statements are not hand-overs).
            IOperation? function = null;
            foreach (var use in ConstructRelations.Uses(props, cancellationToken))
            {
                if (use.Parent is IArgumentOperation argument)
                {
                    if (function is not null || argument is not { Parameter.Name: "props", Parent: IObjectCreationOperation creation })
                    {
                        return null;
                    }

                    function = creation;
                }
            }

            return function;
        }

        /// <summary>
        /// True when every use of the function is an API integration or a use that invokes nothing (a grant to it, its
        /// role, environment or layers): then the API is its only trigger. Anything else — an event source, a URL, a
        /// permission, its ARN handed on — may invoke it too.
        /// </summary>
        public static bool OnlyApisInvoke(IOperation function, CancellationToken cancellationToken)
        {
            foreach (var use in ConstructRelations.Uses(function, cancellationToken))
            {
                switch (use.Parent)
                {
                    case IArgumentOperation { Parameter.Name: "handler", Parent: IObjectCreationOperation integration }
                        when integration.Type?.Name is "LambdaIntegration" or "HttpLambdaIntegration":
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Handler", Property.ContainingType.Name: "LambdaRestApiProps" or "ILambdaRestApiProps" } }:
                    case IArgumentOperation { Parent: IInvocationOperation grant } when grant.TargetMethod.Name.StartsWith("Grant", System.StringComparison.Ordinal) && grant.Instance != use:
                    case IInvocationOperation { TargetMethod.Name: "AddEnvironment" or "AddToRolePolicy" or "AddLayers" or "ApplyRemovalPolicy" } call when call.Instance == use:
                    case IPropertyReferenceOperation { Property.Name: "Role" or "GrantPrincipal" or "Connections" or "LogGroup" or "Node" } property when property.Instance == use:
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static FunctionTriggers Build(INamedTypeSymbol type, IOperation anchor, CdkSymbols symbols, CancellationToken ct)
        {
            var triggers = new FunctionTriggers();
            var lambdaIntegration = symbols.Type("Amazon.CDK.AWS.APIGateway.LambdaIntegration");
            var httpIntegration = symbols.Type("Amazon.CDK.AwsApigatewayv2Integrations.HttpLambdaIntegration");
            var lambdaRestApi = symbols.Type("Amazon.CDK.AWS.APIGateway.LambdaRestApi");
            var sqsEventSource = symbols.Type("Amazon.CDK.AWS.Lambda.EventSources.SqsEventSource");
            foreach (var root in ConstructRelations.TypeBodies(type, anchor, ct))
            {
                foreach (var op in OperationTree.Descendants(root))
                {
                    if (op is not IObjectCreationOperation create || create.Type is not { } t)
                    {
                        continue;
                    }

                    if (Is(t, lambdaIntegration) || Is(t, httpIntegration))
                    {
                        var options = Argument(create, "props") ?? Argument(create, "options");
                        triggers.Add(new FunctionTrigger(TriggerKind.Api, create, ConstructRelations.Resolve(Argument(create, "handler"), ct), TimeoutOf(options, ct), null, isHttpApi: Is(t, httpIntegration)));
                    }
                    else if (Is(t, lambdaRestApi))
                    {
                        var props = PropsReader.Read(Argument(create, "props"), ct);
                        triggers.Add(new FunctionTrigger(TriggerKind.Api, create, ConstructRelations.Resolve(props.ValueOf("Handler"), ct), TimeoutOf(props.ValueOf("IntegrationOptions"), ct), null));
                    }
                    else if (Is(t, sqsEventSource))
                    {
                        triggers.Add(new FunctionTrigger(TriggerKind.Queue, create, FunctionOfEventSource(create, ct), null, ConstructRelations.Resolve(Argument(create, "queue"), ct)));
                    }
                }
            }

            return triggers;
        }

        private void Add(FunctionTrigger trigger)
        {
            _byCreation[trigger.Creation.Syntax] = trigger;
            if (trigger.Function is null)
            {
                return; // the trigger is known, the function it invokes is not in view
            }

            if (!_byFunction.TryGetValue(trigger.Function.Syntax, out var list))
            {
                _byFunction[trigger.Function.Syntax] = list = new List<FunctionTrigger>();
            }

            list.Add(trigger);
        }

        /// <summary><c>fn.AddEventSource(source)</c>, or <c>Events = new[] { source }</c> in the function's props.</summary>
        private static IOperation? FunctionOfEventSource(IOperation source, CancellationToken ct)
        {
            foreach (var use in ConstructRelations.Uses(source, ct))
            {
                switch (use.Parent)
                {
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AddEventSource" } call }:
                        return ConstructRelations.Resolve(call.Instance, ct);
                    case { } when Collections.ContainingList(use) is { } list:
                        var arrayUses = ConstructRelations.Uses(list, ct);
                        return arrayUses.Count == 1 && arrayUses[0].Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Events" } } events
                            ? FunctionOfProps(events, ct)
                            : null;
                }
            }

            return null;
        }

        private static IOperation? TimeoutOf(IOperation? options, CancellationToken ct)
            => options is null ? null : PropsReader.Read(options, ct).ValueOf("Timeout");

        private static IOperation? Argument(IObjectCreationOperation create, string parameter)
        {
            foreach (var argument in create.Arguments)
            {
                if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? target) => target is not null && CdkSymbols.InheritsFrom(type, target);

        private sealed class KeyComparer : IEqualityComparer<(SyntaxTree Tree, INamedTypeSymbol Type)>
        {
            public static readonly KeyComparer Instance = new();

            public bool Equals((SyntaxTree Tree, INamedTypeSymbol Type) x, (SyntaxTree Tree, INamedTypeSymbol Type) y)
                => x.Tree == y.Tree && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

            public int GetHashCode((SyntaxTree Tree, INamedTypeSymbol Type) obj)
                => (obj.Tree.GetHashCode() * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Type);
        }
    }
}

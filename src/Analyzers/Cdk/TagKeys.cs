using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// A set of tag keys known to be applied somewhere. <see cref="Any"/> stands for keys that cannot be known (a key
    /// from a variable, tags from a dictionary built elsewhere): such a set is taken to cover every key, so a rule that
    /// asks for keys stays quiet rather than guess.
    /// </summary>
    internal sealed class TagKeys
    {
        private readonly HashSet<string> _keys = new(System.StringComparer.Ordinal);

        public bool Any { get; private set; }

        public void Add(string key)
        {
            lock (_keys)
            {
                _keys.Add(key);
            }
        }

        public void AddAny() => Any = true;

        public bool Covers(string key)
        {
            lock (_keys)
            {
                return Any || _keys.Contains(key);
            }
        }

        /// <summary>The keys of a <c>StackProps.Tags</c> dictionary: `{ "k", v }` and `["k"] = v` entries.</summary>
        public void AddDictionary(IOperation? value)
        {
            switch (ConstructCreation.Unwrap(value))
            {
                case null:
                    return;
                case IObjectCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.Initializers)
                    {
                        var key = element switch
                        {
                            IInvocationOperation { Arguments.Length: 2 } add => add.Arguments[0].Value,
                            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } => indexer.Arguments[0].Value,
                            _ => null,
                        };
                        if (Constant.TryGetString(key, out var text))
                        {
                            Add(text);
                        }
                        else
                        {
                            AddAny();
                        }
                    }

                    return;
                case IObjectCreationOperation { Initializer: null }:
                    return;
                default:
                    AddAny();
                    return;
            }
        }
    }
}

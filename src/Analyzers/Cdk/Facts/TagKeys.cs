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

        /// <summary>The keys of a <c>StackProps.Tags</c> dictionary, in every shape the dictionary reader knows.</summary>
        public void AddDictionary(IOperation? value)
        {
            if (value is null)
            {
                return;
            }

            var entries = Collections.Entries(value, out var complete);
            foreach (var entry in entries)
            {
                if (Constant.TryGetString(entry.Key, out var text))
                {
                    Add(text);
                }
                else
                {
                    AddAny();
                }
            }

            if (!complete)
            {
                AddAny();
            }
        }
    }
}

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("perf")]

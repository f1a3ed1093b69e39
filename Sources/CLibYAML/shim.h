// libyaml, the C YAML parser, from the system (apt: libyaml-dev).
#include <yaml.h>

// A package with a type error: its importers are still analyzed, and its
// well-typed parts are summarized.
package brokendep

import "go.mongodb.org/mongo-driver/v2/bson"

var broken int = "not an int"

func ByID(id bson.ObjectID) bson.M { return bson.M{"_id": id} } // want ByID:`helper \{_id: \$0\}`

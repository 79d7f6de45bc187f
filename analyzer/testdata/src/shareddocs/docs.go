// Package shareddocs holds documents that another package's writes use.
package shareddocs

import "go.mongodb.org/mongo-driver/v2/bson"

var (
	ByOwner = bson.M{"owner": 1}
	Rename  = bson.M{"$set": bson.M{"name": "x"}}
)

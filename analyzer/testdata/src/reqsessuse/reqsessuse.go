// Package reqsessuse has handlers of a package whose middleware puts
// sessions into requests.
package reqsessuse

import (
	"net/http"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"reqsess"
)

func Routes(a *reqsess.API, users *mongo.Collection) http.HandlerFunc {
	return a.WithSession(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		users.UpdateOne(ctx, bson.M{"_id": r.FormValue("id")}, bson.M{"$set": bson.M{"email": r.FormValue("email")}})
	})
}

// Package reqplain has handlers and no session in any request: a write
// with the request's context runs in no transaction.
package reqplain

import (
	"net/http"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func rename(users *mongo.Collection) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		users.UpdateOne(r.Context(), bson.M{"_id": r.FormValue("id")}, bson.M{"$set": bson.M{"name": r.FormValue("name")}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	}
}

// A request given a plain context carries no session.
func withValue(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next(w, r.WithContext(r.Context()))
	}
}
